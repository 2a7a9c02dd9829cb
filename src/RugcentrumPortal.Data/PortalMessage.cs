namespace RugcentrumPortal.Data;

/// <summary>
/// A short message between a patient and their practice about the plan. <see cref="ReadAt"/> is when the other side
/// first opened the conversation after it arrived; <see cref="SubmissionId"/> comes from the form that was shown,
/// so a double submit stores it once.
/// </summary>
public class PortalMessage : IPatientRecord
{
    public const int MaxLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PatientId { get; set; }
    public Patient? Patient { get; set; }
    public bool FromPatient { get; set; }
    public required string AuthorUserId { get; set; }
    public required string Text { get; set; }
    public Guid SubmissionId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
