namespace RugcentrumPortal.Web.Features.Passwords;

/// <summary>
/// The account-security events this feature logs, with stable ids so a log search (or the access log, once it
/// takes them) can find them by name.
/// </summary>
public static class SecurityEvents
{
    public static readonly EventId ResetRequested = new(5101, nameof(ResetRequested));
    public static readonly EventId ResetRequestedForUnknownAddress = new(5102, nameof(ResetRequestedForUnknownAddress));
    public static readonly EventId PasswordReset = new(5103, nameof(PasswordReset));
    public static readonly EventId PasswordChanged = new(5104, nameof(PasswordChanged));
    public static readonly EventId ResetInsteadOfInvitation = new(5105, nameof(ResetInsteadOfInvitation));
    public static readonly EventId AttemptsLimited = new(5106, nameof(AttemptsLimited));
}
