using RugcentrumPortal.Clinical.Exercises;
using RugcentrumPortal.Clinical.Text;
using RugcentrumPortal.Clinical.Patterns;

namespace RugcentrumPortal.Data;

public enum PlanStatus
{
    Draft,
    Active,

    /// <summary>A later version of the same plan was activated.</summary>
    Superseded,

    /// <summary>Put on hold by the therapist: not shown to the patient, no reminders, until it is active again.</summary>
    Paused,

    /// <summary>The treatment ended with this version: kept for the record, no reminders.</summary>
    Finished,
}

/// <summary>
/// One version of a patient's recovery plan, or a practice template (no patient, a template name). A change to
/// an active plan is made in a new draft version with the same <see cref="LineageId"/>; activating it supersedes
/// the previous version, so the patient always sees exactly one active version and history is never rewritten.
/// </summary>
public class RecoveryPlan
{
    public const int PauseReasonMaxLength = 200;

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

    /// <summary>When and by whom the plan was last paused, resumed or finished.</summary>
    public DateTimeOffset? StatusChangedAt { get; set; }
    public string? StatusChangedById { get; set; }

    /// <summary>The therapist's short note on why the plan is paused, for colleagues; never shown to the patient.</summary>
    public string? PauseReason { get; set; }

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

    /// <summary>The therapist's own words for this phase's goal, in the language they wrote them.</summary>
    public string? Goal { get; set; }

    /// <summary>
    /// The analysis's goal for this phase in both languages, kept until the therapist writes their own, so a patient
    /// who reads in English is not shown the Dutch the therapist happened to work in.
    /// </summary>
    public string? SuggestedGoalNl { get; set; }
    public string? SuggestedGoalEn { get; set; }

    public DateOnly? ReviewOn { get; set; }

    /// <summary>The goal in the reader's language: the therapist's words, or else the suggestion.</summary>
    public string? ShownGoal() => Goal ?? SuggestedGoal()?.Get();

    /// <summary>
    /// Takes the goal as the therapist left it in the editor. The suggestion, unchanged, stays in both languages;
    /// anything else (an edit, or clearing it) becomes the therapist's own text.
    /// </summary>
    public void EditGoal(string? typed)
    {
        if (Goal is null && SuggestedGoal() is { } suggestion && typed == suggestion.Get())
        {
            return;
        }
        Goal = typed;
        SuggestedGoalNl = null;
        SuggestedGoalEn = null;
    }

    private LocalizedText? SuggestedGoal() =>
        SuggestedGoalNl is null ? null : new LocalizedText(SuggestedGoalNl, SuggestedGoalEn ?? SuggestedGoalNl);
}

/// <summary>An exercise or self-care module from the catalogue, with this patient's dosage.</summary>
public class PlanExercise
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanId { get; set; }
    public int Order { get; set; }
    public RecoveryPhase Phase { get; set; }
    public required string ExerciseId { get; set; }

    /// <summary>This patient's dosage, stored in the row's own columns.</summary>
    public ExerciseDosage Dosage { get; set; } = ExerciseDosage.None;

    public string? Instructions { get; set; }

    /// <summary>Set when the exercise has a precaution for this patient and the therapist explicitly kept it.</summary>
    public DateTimeOffset? PrecautionConfirmedAt { get; set; }
    public string? PrecautionNote { get; set; }
}

/// <summary>
/// How much and how often a patient does one exercise of the plan; values that do not apply are null. One value
/// for the builder, the copies between versions and templates, the patient's pages and the printed plan.
/// </summary>
public sealed record ExerciseDosage
{
    public static ExerciseDosage None { get; } = new();

    /// <summary>What the builder accepts per value, shared by its validation and the inputs' min and max.</summary>
    public static IReadOnlyList<DosageLimit> Limits { get; } =
    [
        new(nameof(Sets), 1, 10, d => d.Sets),
        new(nameof(Repetitions), 1, 50, d => d.Repetitions),
        new(nameof(HoldSeconds), 1, 300, d => d.HoldSeconds),
        new(nameof(RestSeconds), 0, 600, d => d.RestSeconds),
        new(nameof(TimesPerDay), 1, 10, d => d.TimesPerDay),
        new(nameof(TimesPerWeek), 1, 14, d => d.TimesPerWeek),
        new(nameof(Minutes), 1, 120, d => d.Minutes),
    ];

    public int? Sets { get; init; }
    public int? Repetitions { get; init; }
    public int? HoldSeconds { get; init; }
    public int? RestSeconds { get; init; }
    public int? TimesPerDay { get; init; }
    public int? TimesPerWeek { get; init; }
    public int? Minutes { get; init; }

    public bool IsEmpty => this == None;

    /// <summary>The catalogue's default dosage of an exercise, as a plan row starts with it.</summary>
    public static ExerciseDosage From(Dosage catalogue) => new()
    {
        Sets = catalogue.Sets,
        Repetitions = catalogue.Repetitions,
        HoldSeconds = catalogue.HoldSeconds,
        RestSeconds = catalogue.RestSeconds,
        TimesPerDay = catalogue.TimesPerDay,
        TimesPerWeek = catalogue.TimesPerWeek,
        Minutes = catalogue.Minutes,
    };

    /// <summary>The values outside what the builder accepts.</summary>
    public IEnumerable<DosageLimit> OutOfRange() => Limits.Where(limit => limit.Get(this) is { } value && (value < limit.Min || value > limit.Max));

    /// <summary>In words, as the catalogue describes a dosage, e.g. "2 x 10 herhalingen, 2x per dag".</summary>
    public LocalizedText Describe() => new Dosage
    {
        Sets = Sets,
        Repetitions = Repetitions,
        HoldSeconds = HoldSeconds,
        RestSeconds = RestSeconds,
        TimesPerDay = TimesPerDay,
        TimesPerWeek = TimesPerWeek,
        Minutes = Minutes,
    }.Describe();
}

/// <summary>The allowed range of one dosage value, named as the value is.</summary>
public sealed record DosageLimit(string Name, int Min, int Max, Func<ExerciseDosage, int?> Get);
