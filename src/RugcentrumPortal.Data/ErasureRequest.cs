namespace RugcentrumPortal.Data;

/// <summary>
/// A patient's request to erase their data (GDPR art. 17), as asked in the portal and as the practice handled it.
/// <see cref="Outcome"/> is what the patient was told: what was removed, and what is kept and why.
/// </summary>
public class ErasureRequest : IPatientRecord
{
    public const int OutcomeMaxLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PatientId { get; set; }
    public Patient? Patient { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? HandledAt { get; set; }
    public string? HandledById { get; set; }
    public string? Outcome { get; set; }
}
