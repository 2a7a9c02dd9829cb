namespace RugcentrumPortal.Data;

/// <summary>What a patient's signal to their therapist is about.</summary>
public enum FeedbackKind
{
    /// <summary>A note the patient wrote with a logged session.</summary>
    Note,

    /// <summary>The patient's weekly look back.</summary>
    CheckIn,

    /// <summary>The week's average pain rose by two points or more.</summary>
    PainRising,

    /// <summary>A week or more without a logged session while a plan is active.</summary>
    NoActivity,
}

/// <summary>
/// That a therapist of the practice has read one signal from a patient. Signals themselves are not stored: they are
/// read from the patient's logs and check-ins; <see cref="SourceKey"/> names the one that was read (a log's or
/// check-in's id, or the week a rise or a quiet spell began), so a new rise or a new quiet spell is new again.
/// </summary>
public class FeedbackReceipt : IPatientRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PatientId { get; set; }
    public Patient? Patient { get; set; }
    public FeedbackKind Kind { get; set; }
    public required string SourceKey { get; set; }
    public required string ReadByUserId { get; set; }
    public DateTimeOffset ReadAt { get; set; }
}
