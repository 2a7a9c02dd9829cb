namespace RugcentrumPortal.Data;

/// <summary>
/// A single-use link for a patient to set their password. Only a hash of the secret is stored, so a database
/// copy cannot be used to take over an account.
/// </summary>
public class PatientInvitation : IPatientRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PatientId { get; set; }
    public Patient? Patient { get; set; }
    public required string TokenHash { get; set; }
    public required string CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public bool SentByEmail { get; set; }

    /// <summary>
    /// For a printed letter: its short code, encrypted with the portal's data-protection keys, so the therapist can
    /// open (and reprint) the same letter until it is used or replaced. Null for a link sent by e-mail.
    /// </summary>
    public string? ProtectedLetterCode { get; set; }
}
