using RugcentrumPortal.Web.Infrastructure.Security;

namespace RugcentrumPortal.Web.Features.Passwords;

/// <summary>
/// Limits attempts per account, next to the per-address limit on the pages themselves: a reset request per typed
/// e-mail address, an invitation acceptance per invitation. Keyed by what was typed, not by whether it exists, so
/// the answer says nothing about which accounts exist; a limit reached locks nobody out of signing in. Counted in
/// the database, so every instance of the portal shares the limit.
/// </summary>
public sealed class AccountAttemptLimiter(AccountAttemptCounter counter, IConfiguration configuration)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly int permitted = configuration.GetValue("Passwords:AttemptsPerAccountPerHour", 5);

    /// <summary>True when one more attempt for this key is allowed now (and counts it).</summary>
    public Task<bool> TryAttemptAsync(string purpose, string key, CancellationToken cancellationToken = default) =>
        counter.TryCountAsync(purpose, key, permitted, Window, cancellationToken);
}
