namespace RugcentrumPortal.Data;

public enum OutcomeStatus
{
    /// <summary>Sent to the patient, waiting for their answers in the portal.</summary>
    Requested,
    Completed,
}

/// <summary>
/// One filled-in outcome measure (NPRS, PSK, STarT Back, ODI, NDI or QBPDS). Item scores are stored by item
/// number; the official item wordings stay on the official forms.
/// </summary>
public class OutcomeMeasurement : IPatientRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PatientId { get; set; }
    public Patient? Patient { get; set; }
    public Guid? AssessmentId { get; set; }
    public required string InstrumentId { get; set; }
    public OutcomeStatus Status { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? RequestedById { get; set; }
    public bool EnteredByPatient { get; set; }

    public List<int?> ItemScores { get; set; } = [];

    /// <summary>PSK only: the activities the patient chose, in the same order as <see cref="ItemScores"/>.</summary>
    public List<string> Activities { get; set; } = [];

    /// <summary>The instrument's headline number as scored by the clinical core (NPRS value, PSK mean, ODI %, totals).</summary>
    public double? Score { get; set; }

    /// <summary>Band or risk class, as the clinical core's enum name (e.g. "Moderate", "High").</summary>
    public string? Band { get; set; }
}
