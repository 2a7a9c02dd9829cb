namespace RugcentrumPortal.Web.Infrastructure.Security;

/// <summary>
/// Security events, each under its own stable event id and name in one log category, so monitoring can count and
/// alert on them without parsing messages. Accounts are named by id, never by e-mail address; addresses are the
/// request's remote address.
/// </summary>
public sealed partial class SecurityEvents(ILoggerFactory loggers)
{
    public const string Category = "RugcentrumPortal.Security";

    private readonly ILogger logger = loggers.CreateLogger(Category);

    /// <summary>One login attempt as its outcome: succeeded, failed, or refused because the account is locked.</summary>
    public void LoginAttempted(Microsoft.AspNetCore.Identity.SignInResult result, string? accountId, string? remoteAddress)
    {
        if (result.Succeeded)
        {
            LoginSucceeded(accountId ?? "", remoteAddress);
        }
        else if (result.IsLockedOut)
        {
            LockedOut(accountId, remoteAddress);
        }
        else
        {
            LoginFailed(accountId, remoteAddress);
        }
    }

    [LoggerMessage(EventId = 9001, EventName = "LoginSucceeded", Level = LogLevel.Information, Message = "Login succeeded for account {AccountId} from {RemoteAddress}")]
    public partial void LoginSucceeded(string accountId, string? remoteAddress);

    [LoggerMessage(EventId = 9002, EventName = "LoginFailed", Level = LogLevel.Warning, Message = "Login failed for account {AccountId} from {RemoteAddress}")]
    public partial void LoginFailed(string? accountId, string? remoteAddress);

    [LoggerMessage(EventId = 9003, EventName = "AccountLockedOut", Level = LogLevel.Warning, Message = "Account {AccountId} is locked out after failed logins; attempt from {RemoteAddress}")]
    public partial void LockedOut(string? accountId, string? remoteAddress);

    [LoggerMessage(EventId = 9004, EventName = "AccountBlocked", Level = LogLevel.Warning, Message = "Account {AccountId} was blocked by administrator {AdministratorId}")]
    public partial void AccountBlocked(string accountId, string administratorId);

    [LoggerMessage(EventId = 9005, EventName = "AccountUnblocked", Level = LogLevel.Information, Message = "Account {AccountId} was unblocked by administrator {AdministratorId}")]
    public partial void AccountUnblocked(string accountId, string administratorId);

    [LoggerMessage(EventId = 9006, EventName = "Logout", Level = LogLevel.Information, Message = "Account {AccountId} logged out")]
    public partial void Logout(string accountId);

    [LoggerMessage(EventId = 9007, EventName = "TwoFactorChanged", Level = LogLevel.Information, Message = "Two-factor sign-in for account {AccountId} was {Change}")]
    public partial void TwoFactorChanged(string accountId, string change);

    [LoggerMessage(EventId = 9008, EventName = "PasswordChanged", Level = LogLevel.Information, Message = "Password of account {AccountId} was changed ({How})")]
    public partial void PasswordChanged(string accountId, string how);

    [LoggerMessage(EventId = 9009, EventName = "SessionsEnded", Level = LogLevel.Information, Message = "Sessions of account {AccountId} were ended: {Reason}")]
    public partial void SessionsEnded(string accountId, string reason);

    [LoggerMessage(EventId = 9010, EventName = "DataExported", Level = LogLevel.Information, Message = "Data of patient {PatientId} was exported as {Format} by account {AccountId}")]
    public partial void DataExported(Guid patientId, string format, string accountId);

    [LoggerMessage(EventId = 9011, EventName = "ErasureRequested", Level = LogLevel.Information, Message = "Erasure of patient {PatientId}'s data was requested by account {AccountId}")]
    public partial void ErasureRequested(Guid patientId, string accountId);

    [LoggerMessage(EventId = 9012, EventName = "RateLimited", Level = LogLevel.Warning, Message = "Too many {What} attempts from {RemoteAddress}")]
    public partial void RateLimited(string what, string? remoteAddress);

    [LoggerMessage(EventId = 9014, EventName = "PasswordResetRequested", Level = LogLevel.Information, Message = "A password reset was asked for account {AccountId} (none when the address has no usable account)")]
    public partial void PasswordResetRequested(string? accountId);

    [LoggerMessage(EventId = 9015, EventName = "ResetInsteadOfInvitation", Level = LogLevel.Warning, Message = "Account {StaffAccountId} asked for a new invitation for patient {PatientId}, who already has a login; a password-reset link went to the patient's own address instead")]
    public partial void ResetInsteadOfInvitation(string staffAccountId, Guid patientId);

    [LoggerMessage(EventId = 9013, EventName = "AccessLogChainBroken", Level = LogLevel.Critical, Message = "The access log of practice {PracticeId} is broken at line {Sequence}")]
    public partial void AccessLogChainBroken(Guid practiceId, long sequence);

    [LoggerMessage(EventId = 9020, EventName = "PasskeyAdded", Level = LogLevel.Information, Message = "A passkey was added to account {AccountId} from {RemoteAddress}")]
    public partial void PasskeyAdded(string accountId, string? remoteAddress);

    [LoggerMessage(EventId = 9021, EventName = "PasskeyRemoved", Level = LogLevel.Information, Message = "A passkey was removed from account {AccountId} from {RemoteAddress}")]
    public partial void PasskeyRemoved(string accountId, string? remoteAddress);

    [LoggerMessage(EventId = 9022, EventName = "PasskeyRefused", Level = LogLevel.Warning, Message = "A new passkey for account {AccountId} was refused ({Reason}) from {RemoteAddress}")]
    public partial void PasskeyRefused(string accountId, string reason, string? remoteAddress);

    [LoggerMessage(EventId = 9023, EventName = "PasskeyLoginSucceeded", Level = LogLevel.Information, Message = "Login with a passkey succeeded for account {AccountId} from {RemoteAddress}")]
    public partial void PasskeyLoginSucceeded(string accountId, string? remoteAddress);

    [LoggerMessage(EventId = 9024, EventName = "PasskeyLoginFailed", Level = LogLevel.Warning, Message = "Login with a passkey failed for account {AccountId} ({Reason}) from {RemoteAddress}")]
    public partial void PasskeyLoginFailed(string? accountId, string reason, string? remoteAddress);
}
