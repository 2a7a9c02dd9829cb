using System.Collections.Immutable;
using RugcentrumPortal.Clinical.Text;

namespace RugcentrumPortal.Clinical.Screening;

/// <summary>The kind of serious cause a red flag points to (KNGF Lage rugpijn 2021 categories plus general).</summary>
public enum RedFlagCategory
{
    /// <summary>Possible malignancy.</summary>
    Cancer,

    /// <summary>Possible infection.</summary>
    Infection,

    /// <summary>Possible fracture or consequence of trauma.</summary>
    Fracture,

    /// <summary>Possible inflammatory disease (e.g. axial spondyloarthritis).</summary>
    Inflammatory,

    /// <summary>Possible cauda equina syndrome.</summary>
    CaudaEquina,

    /// <summary>Neurological loss or irritation.</summary>
    Neurological,

    /// <summary>General warning sign not tied to one category.</summary>
    General,

    /// <summary>Possible heart or large-vessel cause, e.g. angina or an abdominal aortic aneurysm.</summary>
    Cardiovascular,

    /// <summary>Possible cause in an internal organ that refers pain to the back.</summary>
    Visceral,

    /// <summary>Possible pressure on the spinal cord in the neck (cervical myelopathy).</summary>
    CervicalMyelopathy,

    /// <summary>Possible dysfunction of the neck arteries (vertebral or carotid artery).</summary>
    CervicalArterialDysfunction,

    /// <summary>Possible instability of the upper neck after trauma or in rheumatoid arthritis.</summary>
    CervicalInstability,
}

/// <summary>How quickly a found flag must be acted on; higher values are more urgent.</summary>
public enum Urgency
{
    /// <summary>Nothing found.</summary>
    None = 0,

    /// <summary>Record it; no referral needed by itself.</summary>
    Note = 1,

    /// <summary>Advise a routine GP (huisarts) consultation.</summary>
    GpConsultation = 2,

    /// <summary>Advise GP contact within days.</summary>
    UrgentGp = 3,

    /// <summary>Same day, via the GP or the out-of-hours GP post (huisartsenpost); 112 in acute danger.</summary>
    Emergency = 4,
}

/// <summary>What must be recorded before a plan may start after a screening.</summary>
public enum PlanUnlock
{
    /// <summary>Nothing: the screening is pluis.</summary>
    None,

    /// <summary>A recorded referral or a decision to proceed with a reason (GP-consultation tier).</summary>
    ReasonedDecision,

    /// <summary>A documented medical clearance by a physician (urgent-GP and emergency tiers).</summary>
    MedicalClearance,
}

/// <summary>The direct-access (DTF) screening conclusion.</summary>
public enum ScreeningConclusion
{
    /// <summary>"Pluis": nothing alarming; therapy may proceed.</summary>
    Pluis,

    /// <summary>"Niet-pluis": signs of a possible serious cause; GP contact is advised.</summary>
    NietPluis,
}

/// <summary>How an age-based red flag is derived from the patient's age at first onset or current age.</summary>
public enum AgeRule
{
    /// <summary>Not age-based: the item is asked.</summary>
    None,

    /// <summary>Flag when the first onset was before age 20.</summary>
    OnsetUnder20,

    /// <summary>Flag when the first onset was after age 55.</summary>
    OnsetOver55,

    /// <summary>Flag when the patient is now older than 70, whenever the complaints began.</summary>
    AgeOver70,
}

/// <summary>A group of screening questions, in conversation order.</summary>
/// <param name="Id">Stable kebab-case id.</param>
/// <param name="Name">Heading for the group.</param>
public sealed record ScreeningGroup(string Id, LocalizedText Name);

/// <summary>One red-flag item: asked as a yes/no question, or derived from age.</summary>
public sealed record RedFlagItem
{
    /// <summary>Stable kebab-case id, e.g. "saddle-numbness".</summary>
    public required string Id { get; init; }

    /// <summary>Id of the <see cref="ScreeningGroup"/> the question belongs to.</summary>
    public required string GroupId { get; init; }

    /// <summary>Kind of serious cause it points to.</summary>
    public required RedFlagCategory Category { get; init; }

    /// <summary>Urgency of this item on its own.</summary>
    public required Urgency Urgency { get; init; }

    /// <summary>The question as a therapist would ask it in conversation.</summary>
    public required LocalizedText Question { get; init; }

    /// <summary>Short label for the finding in the record and in reports.</summary>
    public required LocalizedText Finding { get; init; }

    /// <summary>True when the practice's own articles name this item; otherwise it comes from the guidelines.</summary>
    public required bool NamedByPractice { get; init; }

    /// <summary>Age rule; items with a rule are computed from age and must not be answered.</summary>
    public required AgeRule AgeRule { get; init; }

    /// <summary>Exercise precaution condition ids a "yes" implies, e.g. osteoporosis.</summary>
    public required ImmutableArray<string> ImpliesPrecautionIds { get; init; }

    /// <summary>True when the item is asked rather than computed.</summary>
    public bool IsAsked => AgeRule == AgeRule.None;
}

/// <summary>A combination of red flags that together weigh more than each alone.</summary>
public sealed record RedFlagCombination
{
    /// <summary>Stable kebab-case id.</summary>
    public required string Id { get; init; }

    /// <summary>The items the combination is made of.</summary>
    public required ImmutableArray<string> ItemIds { get; init; }

    /// <summary>How many of <see cref="ItemIds"/> must be present; all of them unless the data says fewer.</summary>
    public required int MinimumPresent { get; init; }

    /// <summary>Urgency when the combination is present.</summary>
    public required Urgency Urgency { get; init; }

    /// <summary>Why the combination matters.</summary>
    public required LocalizedText Explanation { get; init; }
}

/// <summary>A psychosocial yellow flag: not a stop sign, but it changes the plan.</summary>
public sealed record YellowFlag
{
    /// <summary>Stable kebab-case id.</summary>
    public required string Id { get; init; }

    /// <summary>The question as asked.</summary>
    public required LocalizedText Question { get; init; }

    /// <summary>Short label.</summary>
    public required LocalizedText Finding { get; init; }

    /// <summary>Exercise precaution condition ids a "yes" implies, e.g. trauma-complaints.</summary>
    public required ImmutableArray<string> ImpliesPrecautionIds { get; init; }
}

/// <summary>A bodily sign the practice links to stress-driven back tension.</summary>
/// <param name="Id">Stable kebab-case id.</param>
/// <param name="Question">The question as asked.</param>
/// <param name="Finding">Short label.</param>
public sealed record StressSignal(string Id, LocalizedText Question, LocalizedText Finding)
{
    /// <summary>
    /// Red-flag items that can explain the same sign; when one of them is present, the sign is not counted as
    /// stress, because a serious cause comes first.
    /// </summary>
    public ImmutableArray<string> LinkedRedFlagIds { get; init; } = [];
}

/// <summary>A patient condition that changes which exercises are safe; asked at intake.</summary>
/// <param name="Id">Stable kebab-case id, e.g. "heart-lung-condition".</param>
/// <param name="Name">Short label.</param>
/// <param name="Question">The question as asked.</param>
public sealed record PrecautionCondition(string Id, LocalizedText Name, LocalizedText Question);

/// <summary>The answers collected during screening.</summary>
/// <param name="Age">Current age in years (0-120).</param>
/// <param name="RedFlagAnswers">Yes/no answer for every asked red-flag item (not the age-derived ones).</param>
public sealed record ScreeningInput(int Age, IReadOnlyDictionary<string, bool> RedFlagAnswers)
{
    /// <summary>Age at first onset of the complaints, when it differs from the current age.</summary>
    public int? AgeAtOnset { get; init; }

    /// <summary>Ids of the yellow flags present.</summary>
    public IReadOnlyCollection<string> YellowFlagIds { get; init; } = [];

    /// <summary>Ids of the stress signals present.</summary>
    public IReadOnlyCollection<string> StressSignalIds { get; init; } = [];

    /// <summary>Ids of the precaution conditions reported at intake.</summary>
    public IReadOnlyCollection<string> PrecautionConditionIds { get; init; } = [];
}

/// <summary>A red flag found, with how it was found.</summary>
/// <param name="Item">The red-flag item.</param>
/// <param name="DerivedFromAge">True when computed from age rather than answered.</param>
public sealed record RedFlagFinding(RedFlagItem Item, bool DerivedFromAge);

/// <summary>What the therapist recorded after a niet-pluis conclusion.</summary>
public enum TherapistDecisionKind
{
    /// <summary>The patient was referred to / advised to contact the GP and this was recorded.</summary>
    ReferralRecorded,

    /// <summary>The therapist decided to proceed anyway, with a recorded reason.</summary>
    ProceedWithReason,
}

/// <summary>The therapist's recorded decision after a niet-pluis conclusion.</summary>
/// <param name="Kind">Referral recorded, or proceed with a reason.</param>
/// <param name="Reason">Justification; required (non-blank) to proceed.</param>
/// <param name="PatientAgreedToShareWithGp">Whether the patient agreed to share data with the GP, when asked.</param>
public sealed record TherapistDecision(TherapistDecisionKind Kind, string? Reason = null, bool? PatientAgreedToShareWithGp = null);

/// <summary>
/// A physician's clearance recorded by the therapist after an urgent or emergency finding: the patient has been seen
/// and the serious cause the flags pointed to has been excluded.
/// </summary>
/// <param name="ClearedBy">Name of the physician who saw the patient.</param>
/// <param name="Role">Their role, e.g. "huisarts", "neuroloog" or "SEH-arts".</param>
/// <param name="Date">The date the physician saw the patient; never after the day it is recorded.</param>
/// <param name="Excluded">What the physician excluded, e.g. "cauda-equinasyndroom uitgesloten na MRI".</param>
public sealed record MedicalClearance(string ClearedBy, string Role, DateOnly Date, string Excluded);

/// <summary>Whether a plan may start after a screening, what it still needs, and why.</summary>
public sealed class PlanStartCheck
{
    internal PlanStartCheck()
    {
    }

    /// <summary>True when the plan may start.</summary>
    public required bool CanStart { get; init; }

    /// <summary>What this screening needs before a plan may start.</summary>
    public required PlanUnlock Required { get; init; }

    /// <summary>Problems with a clearance that was given; empty when none was given or it is complete.</summary>
    public required IReadOnlyList<ValidationError> ClearanceProblems { get; init; }

    /// <summary>Plain explanation for the therapist.</summary>
    public required LocalizedText Explanation { get; init; }
}

/// <summary>The outcome of a red-flag and psychosocial screening.</summary>
public sealed class ScreeningResult
{
    internal ScreeningResult()
    {
    }

    /// <summary>The patient's age at the screening, in years.</summary>
    public required int Age { get; init; }

    /// <summary>Pluis or niet-pluis.</summary>
    public required ScreeningConclusion Conclusion { get; init; }

    /// <summary>Red flags found, most urgent first.</summary>
    public required ImmutableArray<RedFlagFinding> FlagsFound { get; init; }

    /// <summary>Combinations of flags that raised the urgency.</summary>
    public required ImmutableArray<RedFlagCombination> CombinationsFound { get; init; }

    /// <summary>The highest urgency among flags and combinations; <see cref="Urgency.None"/> when nothing was found.</summary>
    public required Urgency HighestUrgency { get; init; }

    /// <summary>The advice to give the patient.</summary>
    public required LocalizedText Advice { get; init; }

    /// <summary>Yellow flags present.</summary>
    public required ImmutableArray<YellowFlag> YellowFlagsFound { get; init; }

    /// <summary>Stress signals present.</summary>
    public required ImmutableArray<StressSignal> StressSignalsFound { get; init; }

    /// <summary>True when yellow flags or stress signals call for the stress-regulation modules.</summary>
    public required bool StressModulesRecommended { get; init; }

    /// <summary>Exercise ids of the recommended stress-regulation modules (empty when not recommended).</summary>
    public required ImmutableArray<string> RecommendedModuleIds { get; init; }

    /// <summary>Precaution condition ids for this patient: reported ones plus those implied by answers.</summary>
    public required ImmutableArray<string> PrecautionConditionIds { get; init; }

    /// <summary>Plain explanation of the conclusion.</summary>
    public required LocalizedText Explanation { get; init; }
}

/// <summary>How a later screening differs from an earlier one of the same patient.</summary>
public sealed class ScreeningComparison
{
    internal ScreeningComparison()
    {
    }

    /// <summary>Red flags present now that were not present before.</summary>
    public required ImmutableArray<RedFlagItem> NewFlags { get; init; }

    /// <summary>Red flags present before that are no longer present.</summary>
    public required ImmutableArray<RedFlagItem> ResolvedFlags { get; init; }

    /// <summary>Red flags present both times.</summary>
    public required ImmutableArray<RedFlagItem> PersistingFlags { get; init; }

    /// <summary>Combinations present now that were not present before.</summary>
    public required ImmutableArray<RedFlagCombination> NewCombinations { get; init; }

    /// <summary>Highest urgency of the earlier screening.</summary>
    public required Urgency EarlierUrgency { get; init; }

    /// <summary>Highest urgency of the later screening.</summary>
    public required Urgency LaterUrgency { get; init; }

    /// <summary>
    /// True when the later screening needs a new decision or clearance: a referral, reason or clearance recorded
    /// for the earlier screening covered only the flags known then.
    /// </summary>
    public required bool NeedsNewUnlock { get; init; }

    /// <summary>Plain summary of the change.</summary>
    public required LocalizedText Explanation { get; init; }
}
