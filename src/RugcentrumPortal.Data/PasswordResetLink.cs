namespace RugcentrumPortal.Data;

/// <summary>
/// A single-use link, sent to an account's own e-mail address, to choose a new password. As with invitations only a
/// hash of the secret is stored; a newer link replaces the open ones.
/// </summary>
public class PasswordResetLink
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string UserId { get; set; }
    public ApplicationUser? User { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
