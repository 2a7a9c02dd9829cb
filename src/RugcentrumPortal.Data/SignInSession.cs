namespace RugcentrumPortal.Data;

/// <summary>
/// One sign-in, kept on the server so it can be ended there: the cookie carries only its id. A session counts
/// while it has not been ended (logout), its absolute lifetime has not run out, and the account's security stamp
/// is still the one it was started with (blocking or a new password renews the stamp).
/// </summary>
public class SignInSession
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string UserId { get; set; }
    public ApplicationUser? User { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
}
