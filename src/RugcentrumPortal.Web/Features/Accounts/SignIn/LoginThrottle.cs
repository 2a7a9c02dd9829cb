using System.Collections.Concurrent;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.Accounts.SignIn;

/// <summary>
/// Slows password guessing per account without letting anyone lock an account: after a few wrong passwords each
/// next try waits longer (30 seconds, doubling, at most 15 minutes), and nothing is ever locked. Tries from a browser
/// that signed in to the account before are counted apart from everyone else's, so a stranger's guessing does not
/// slow down the person on their own device. Kept in memory: a restart forgets it, which costs an attacker nothing
/// they could not also get by waiting.
/// </summary>
public sealed class LoginThrottle(PracticeClock clock, IConfiguration configuration)
{
    private static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);

    private readonly int freeFailures = configuration.GetValue("Accounts:FreeLoginFailures", 5);
    private readonly ConcurrentDictionary<string, Failures> failures = new(StringComparer.Ordinal);

    private sealed record Failures(int Count, DateTimeOffset Last);

    /// <summary>How long this account, tried from this device (or from any unknown one), must still wait; zero when it may try now.</summary>
    public TimeSpan WaitFor(string email, string? device)
    {
        if (!failures.TryGetValue(Key(email, device), out var seen) || seen.Count < freeFailures)
        {
            return TimeSpan.Zero;
        }
        var doublings = Math.Min(seen.Count - freeFailures, 10);
        var wait = TimeSpan.FromTicks(Math.Min(FirstWait.Ticks << doublings, LongestWait.Ticks));
        var left = seen.Last + wait - clock.Now;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    public void Failed(string email, string? device)
    {
        var now = clock.Now;
        failures.AddOrUpdate(Key(email, device), _ => new Failures(1, now),
            (_, seen) => now - seen.Last > ForgetAfter ? new Failures(1, now) : new Failures(seen.Count + 1, now));
        if (failures.Count > 10_000)
        {
            Forget(now);
        }
    }

    public void Succeeded(string email, string? device) => failures.TryRemove(Key(email, device), out _);

    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, seen) in failures)
        {
            if (now - seen.Last > ForgetAfter)
            {
                failures.TryRemove(key, out _);
            }
        }
    }

    private static string Key(string email, string? device) => (device ?? "-") + "|" + email.Trim().ToUpperInvariant();
}
