using System.Collections.Immutable;
using RugcentrumPortal.Clinical.Exercises;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Clinical.Text;

namespace RugcentrumPortal.Clinical.Plans;

/// <summary>Options for a plan suggestion.</summary>
public sealed record PlanOptions
{
    /// <summary>Fewest exercises in a first-phase plan; foundation exercises fill up to this number.</summary>
    public const int MinExercises = 3;

    /// <summary>Most exercises in a first-phase plan for anyone.</summary>
    public const int MaxExercisesLimit = 6;

    /// <summary>Most self-care modules in a first-phase plan for anyone.</summary>
    public const int MaxSelfCareModules = 4;

    /// <summary>Patients older than this get the shorter first phase.</summary>
    public const int OlderAdultAge = 70;

    /// <summary>Most exercises in a first-phase plan for patients older than <see cref="OlderAdultAge"/>.</summary>
    public const int OlderAdultMaxExercises = 4;

    /// <summary>Most self-care modules in a first-phase plan for patients older than <see cref="OlderAdultAge"/>.</summary>
    public const int OlderAdultMaxSelfCareModules = 2;

    /// <summary>
    /// How many exercises to suggest at most (3-6); default 6. For patients older than <see cref="OlderAdultAge"/>
    /// the suggestion never holds more than <see cref="OlderAdultMaxExercises"/>.
    /// </summary>
    public int MaxExercises { get; init; } = MaxExercisesLimit;
}

/// <summary>How many items the first phase may hold for this patient, and why.</summary>
/// <param name="MaxExercises">Most exercises.</param>
/// <param name="MaxSelfCareModules">Most self-care modules.</param>
/// <param name="Reason">Why the limit is what it is, for the therapist and the patient.</param>
public sealed record PlanSizeLimit(int MaxExercises, int MaxSelfCareModules, LocalizedText Reason);

/// <summary>Why an exercise is in the plan.</summary>
public enum PlanItemRole
{
    /// <summary>Switches on muscles rated underactive.</summary>
    Activation,

    /// <summary>Releases or relaxes muscles rated overactive.</summary>
    Release,

    /// <summary>A basic first-phase exercise added to reach the minimum plan size.</summary>
    Foundation,

    /// <summary>A self-care module (breathing, relaxation, pauses, walking, workplace).</summary>
    SelfCare,
}

/// <summary>Which rule added a self-care module.</summary>
public enum SelfCareReason
{
    /// <summary>Yellow flags or stress signals.</summary>
    StressRegulation,

    /// <summary>Poor or restless sleep.</summary>
    Sleep,

    /// <summary>High chest breathing was observed.</summary>
    ChestBreathing,

    /// <summary>Neck, shoulder or upper-back involvement, often linked to desk work.</summary>
    NeckShoulderLoad,

    /// <summary>Low-back or pelvic involvement.</summary>
    LowBackLoad,

    /// <summary>General daily movement; always advised.</summary>
    DailyMovement,
}

/// <summary>One exercise or module in a suggested plan.</summary>
public sealed class PlanItem
{
    private LocalizedText? reason;

    internal PlanItem()
    {
    }

    /// <summary>The exercise; its <see cref="Exercise.DefaultDosage"/> is the suggested dosage.</summary>
    public required Exercise Exercise { get; init; }

    /// <summary>Why it is in the plan.</summary>
    public required PlanItemRole Role { get; init; }

    /// <summary>Underactive muscle ids this exercise was chosen to switch on.</summary>
    public required ImmutableArray<string> ActivatesMuscleIds { get; init; }

    /// <summary>Overactive muscle ids this exercise was chosen to release or relax.</summary>
    public required ImmutableArray<string> ReleasesMuscleIds { get; init; }

    /// <summary>For self-care modules: which rule added it.</summary>
    public SelfCareReason? SelfCareReason { get; init; }

    /// <summary>Precautions that apply to this patient; the therapist must adapt or check before prescribing.</summary>
    public required ImmutableArray<ExercisePrecaution> Flags { get; init; }

    /// <summary>True when at least one precaution applies.</summary>
    public bool IsFlagged => Flags.Length > 0;

    /// <summary>Plain explanation of the choice; built on first use.</summary>
    public LocalizedText Reason => reason ??= PlanTexts.ForItem(this);

    internal Catalog.ClinicalCatalog Catalog { get; init; } = null!;
}

/// <summary>An exercise that would have fitted but was left out because of a precaution.</summary>
/// <param name="Exercise">The exercise left out.</param>
/// <param name="Precaution">The precaution that applies.</param>
/// <param name="Reason">Plain explanation.</param>
public sealed record ExcludedExercise(Exercise Exercise, ExercisePrecaution Precaution, LocalizedText Reason);

/// <summary>A suggested first-phase plan (mobility and activation) with self-care modules.</summary>
public sealed class PlanSuggestion
{
    private LocalizedText? explanation;

    internal PlanSuggestion()
    {
    }

    /// <summary>At most <see cref="SizeLimit"/> exercises, in the practice's phase order.</summary>
    public required ImmutableArray<PlanItem> Exercises { get; init; }

    /// <summary>Self-care modules, at most <see cref="SizeLimit"/>; one per reason first, so each problem is answered.</summary>
    public required ImmutableArray<PlanItem> SelfCareModules { get; init; }

    /// <summary>Self-care modules that fit this patient but wait for a later phase because of the size limit.</summary>
    public required ImmutableArray<PlanItem> DeferredSelfCareModules { get; init; }

    /// <summary>The size limit applied, with its reason; null for a blocked suggestion.</summary>
    public PlanSizeLimit? SizeLimit { get; init; }

    /// <summary>Exercises and modules left out because of this patient's precautions.</summary>
    public required ImmutableArray<ExcludedExercise> Excluded { get; init; }

    /// <summary>True after a niet-pluis screening: the plan may start only after a recorded therapist decision.</summary>
    public required bool RequiresTherapistDecision { get; init; }

    /// <summary>What the screening needs before this plan may start.</summary>
    public required PlanUnlock RequiredUnlock { get; init; }

    /// <summary>
    /// True when no plan is suggested because the screening needs a medical clearance that was not given; the
    /// exercise and module lists are then empty and <see cref="BlockedReason"/> says why.
    /// </summary>
    public bool IsBlocked => BlockedReason is not null;

    /// <summary>Why no plan is suggested; null when a plan is suggested.</summary>
    public LocalizedText? BlockedReason { get; init; }

    /// <summary>Plain summary; built on first use.</summary>
    public LocalizedText Explanation => explanation ??= PlanTexts.ForPlan(this);
}
