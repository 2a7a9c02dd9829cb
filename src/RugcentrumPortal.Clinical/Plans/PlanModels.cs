using System.Collections.Immutable;
using RugcentrumPortal.Clinical.Exercises;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Clinical.Text;

namespace RugcentrumPortal.Clinical.Plans;

/// <summary>Options for a plan suggestion.</summary>
public sealed record PlanOptions
{
    /// <summary>Fewest exercises in a first-phase plan.</summary>
    public const int MinExercises = 6;

    /// <summary>Most exercises in a first-phase plan.</summary>
    public const int MaxExercisesLimit = 10;

    /// <summary>How many exercises to suggest at most (6-10); default 8.</summary>
    public int MaxExercises { get; init; } = 8;
}

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

    /// <summary>6 to 10 exercises, in the practice's phase order.</summary>
    public required ImmutableArray<PlanItem> Exercises { get; init; }

    /// <summary>Self-care modules.</summary>
    public required ImmutableArray<PlanItem> SelfCareModules { get; init; }

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
