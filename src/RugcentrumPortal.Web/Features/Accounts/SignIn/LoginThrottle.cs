using RugcentrumPortal.Web.Infrastructure.Security;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.Accounts.SignIn;

/// <summary>
/// Slows password guessing per account without letting anyone lock an account: after a few wrong passwords each
/// next try waits longer (30 seconds, doubling, at most 15 minutes), and nothing is ever locked. Tries from a browser
/// that signed in to the account before are counted apart from everyone else's, so a stranger's guessing does not
/// slow down the person on their own device. The counts are in the database (<see cref="AccountAttemptCounter"/>),
/// shared by every instance.
/// </summary>
public sealed class LoginThrottle(AccountAttemptCounter counter, PracticeClock clock, IConfiguration configuration)
{
    private const string Purpose = "login";
    private static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);

    private readonly int freeFailures = configuration.GetValue("Accounts:FreeLoginFailures", 5);

    /// <summary>How long this account, tried from this device (or from any unknown one), must still wait; zero when it may try now.</summary>
    public async Task<TimeSpan> WaitForAsync(string email, string? device, CancellationToken cancellationToken = default)
    {
        if (await counter.ReadAsync(Purpose, Account(email, device), cancellationToken) is not { } seen
            || seen.Count < freeFailures || clock.Now - seen.LastAt > ForgetAfter)
        {
            return TimeSpan.Zero;
        }
        var doublings = Math.Min(seen.Count - freeFailures, 10);
        var wait = TimeSpan.FromTicks(Math.Min(FirstWait.Ticks << doublings, LongestWait.Ticks));
        var left = seen.LastAt + wait - clock.Now;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    public Task FailedAsync(string email, string? device, CancellationToken cancellationToken = default) =>
        counter.CountFailureAsync(Purpose, Account(email, device), ForgetAfter, cancellationToken);

    public Task SucceededAsync(string email, string? device, CancellationToken cancellationToken = default) =>
        counter.ForgetAsync(Purpose, Account(email, device), cancellationToken);

    private static string Account(string email, string? device) => (device ?? "-") + "|" + email.Trim();
}
