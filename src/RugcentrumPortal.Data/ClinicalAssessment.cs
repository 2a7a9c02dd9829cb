using RugcentrumPortal.Clinical.Muscles;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Clinical.Screening;

namespace RugcentrumPortal.Data;

public enum AssessmentKind
{
    Intake,
    Reassessment,
}

public enum AssessmentStatus
{
    Draft,
    Completed,
}

/// <summary>
/// One dated assessment of a patient: complaint, direct-access screening with its recorded conclusion and the
/// therapist's decision, and the muscle-balance findings. A re-assessment is a new row; nothing is overwritten.
/// </summary>
public class ClinicalAssessment : IPatientRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PatientId { get; set; }
    public Patient? Patient { get; set; }
    public required string TherapistId { get; set; }
    public ApplicationUser? Therapist { get; set; }
    public AssessmentKind Kind { get; set; }
    public AssessmentStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Region ids from the clinical catalogue, with ":left" or ":right" where the side matters.</summary>
    public List<string> ComplaintRegions { get; set; } = [];
    public string? ComplaintDescription { get; set; }
    public string? Onset { get; set; }
    public string? Duration { get; set; }
    public string? Course { get; set; }
    public string? Aggravating { get; set; }
    public string? Easing { get; set; }
    public string? History { get; set; }
    public int? AgeAtOnset { get; set; }

    /// <summary>Red-flag questions answered yes and answered no; a question in neither list was not asked yet.</summary>
    public List<string> RedFlagsPresent { get; set; } = [];
    public List<string> RedFlagsAbsent { get; set; } = [];
    public List<string> YellowFlags { get; set; } = [];
    public List<string> StressSignals { get; set; } = [];
    public List<string> PrecautionConditions { get; set; } = [];

    /// <summary>The conclusion as computed when the screening was saved; kept as the record of what was concluded.</summary>
    public ScreeningConclusion? Conclusion { get; set; }
    public Urgency? HighestUrgency { get; set; }
    public List<string> FlagsFound { get; set; } = [];
    public DateTimeOffset? ScreenedAt { get; set; }

    public TherapistDecisionKind? DecisionKind { get; set; }
    public string? DecisionReason { get; set; }
    public string? AdviceGiven { get; set; }
    public bool? GpConsent { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedById { get; set; }
    public ApplicationUser? DecidedBy { get; set; }

    /// <summary>
    /// The physician's clearance after an urgent or emergency finding, as the therapist recorded it; only this
    /// unlocks a plan at those tiers. The date is the practice date on which the physician saw the patient.
    /// </summary>
    public string? ClearedBy { get; set; }
    public string? ClearanceRole { get; set; }
    public DateOnly? ClearedOn { get; set; }
    public string? ClearanceExcluded { get; set; }
    public DateTimeOffset? ClearanceRecordedAt { get; set; }
    public string? ClearanceRecordedById { get; set; }
    public ApplicationUser? ClearanceRecordedBy { get; set; }

    public List<MuscleRatingEntry> Ratings { get; set; } = [];
    public List<string> Observations { get; set; } = [];
    public string? BalanceNotes { get; set; }
    public DateTimeOffset? BalanceRecordedAt { get; set; }

    public List<PatternReview> PatternReviews { get; set; } = [];

    /// <summary>Janda's movement tests as graded; part of the muscle-balance findings.</summary>
    public List<MovementTestEntry> MovementTests { get; set; } = [];

    /// <summary>Breathing, posture and the neurological examination; null until one of them is recorded.</summary>
    public ExaminationRecord? Examination { get; set; }
    public DateOnly? ReassessmentDue { get; set; }
}

public class MuscleRatingEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; set; }
    public required string MuscleId { get; set; }
    public MuscleTone Tone { get; set; }
    public int Intensity { get; set; } = 1;
    public Side Side { get; set; }
}

public class PatternReview
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; set; }
    public required string PatternId { get; set; }
    public bool Accepted { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset ReviewedAt { get; set; }
}
