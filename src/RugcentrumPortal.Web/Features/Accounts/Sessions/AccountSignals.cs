namespace RugcentrumPortal.Web.Features.Accounts.Sessions;

/// <summary>
/// Tells the open pages of this instance that an account changed (a new security stamp, a session ended), so they
/// check at once instead of at their next periodic check. Another instance's pages still check every minute.
/// </summary>
public sealed class AccountSignals
{
    public event Action<string>? AccountChanged;

    public void Raise(string userId) => AccountChanged?.Invoke(userId);
}
