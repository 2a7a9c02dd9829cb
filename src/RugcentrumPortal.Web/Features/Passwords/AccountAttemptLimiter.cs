using System.Threading.RateLimiting;

namespace RugcentrumPortal.Web.Features.Passwords;

/// <summary>
/// Limits attempts per account, next to the per-address limit on the pages themselves: a reset request per typed
/// e-mail address, an invitation acceptance per invitation. Keyed by what was typed, not by whether it exists, so
/// the answer says nothing about which accounts exist; a limit reached locks nobody out of signing in.
/// </summary>
public sealed class AccountAttemptLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public AccountAttemptLimiter(IConfiguration configuration)
    {
        var permitted = configuration.GetValue("Passwords:AttemptsPerAccountPerHour", 5);
        limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permitted, Window = TimeSpan.FromHours(1), QueueLimit = 0 }));
    }

    /// <summary>True when one more attempt for this key is allowed now.</summary>
    public bool TryAttempt(string purpose, string key)
    {
        using var lease = limiter.AttemptAcquire($"{purpose}:{key.Trim().ToUpperInvariant()}");
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
