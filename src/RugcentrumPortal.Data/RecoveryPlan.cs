using RugcentrumPortal.Clinical.Patterns;

namespace RugcentrumPortal.Web.Data;

public enum PlanStatus
{
    Draft,
    Active,

    /// <summary>A later version of the same plan was activated.</summary>
    Superseded,
}

/// <summary>
/// One version of a patient's recovery plan, or a practice template (no patient, a template name). A change to
/// an active plan is made in a new draft version with the same <see cref="LineageId"/>; activating it supersedes
/// the previous version, so the patient always sees exactly one active version and history is never rewritten.
/// </summary>
public class RecoveryPlan
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PracticeId { get; set; }
    public Guid? PatientId { get; set; }
    public Patient? Patient { get; set; }
    public string? TemplateName { get; set; }
    public Guid LineageId { get; set; }
    public int Version { get; set; } = 1;
    public PlanStatus Status { get; set; }
    public required string Title { get; set; }
    public string? Notes { get; set; }
    public Guid? SourceAssessmentId { get; set; }
    public required string CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ActivatedAt { get; set; }
    public string? ActivatedById { get; set; }
    public DateOnly? StartsOn { get; set; }

    public List<PlanPhase> Phases { get; set; } = [];
    public List<PlanExercise> Exercises { get; set; } = [];

    public bool IsTemplate => PatientId is null;
}

public class PlanPhase
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanId { get; set; }
    public int Order { get; set; }
    public RecoveryPhase Phase { get; set; }
    public string? Goal { get; set; }
    public DateOnly? ReviewOn { get; set; }
}

/// <summary>An exercise or self-care module from the catalogue, with this patient's dosage.</summary>
public class PlanExercise
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanId { get; set; }
    public int Order { get; set; }
    public RecoveryPhase Phase { get; set; }
    public required string ExerciseId { get; set; }
    public int? Sets { get; set; }
    public int? Repetitions { get; set; }
    public int? HoldSeconds { get; set; }
    public int? RestSeconds { get; set; }
    public int? TimesPerDay { get; set; }
    public int? TimesPerWeek { get; set; }
    public int? Minutes { get; set; }
    public string? Instructions { get; set; }

    /// <summary>Set when the exercise has a precaution for this patient and the therapist explicitly kept it.</summary>
    public DateTimeOffset? PrecautionConfirmedAt { get; set; }
    public string? PrecautionNote { get; set; }
}
