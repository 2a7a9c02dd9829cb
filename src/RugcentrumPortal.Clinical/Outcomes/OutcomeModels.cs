using System.Collections.Immutable;
using RugcentrumPortal.Clinical.Text;

namespace RugcentrumPortal.Clinical.Outcomes;

/// <summary>Direction of change; on every instrument here a lower score is better.</summary>
public enum ChangeDirection
{
    /// <summary>The score went down.</summary>
    Improved,

    /// <summary>The score did not change.</summary>
    Unchanged,

    /// <summary>The score went up.</summary>
    Worsened,
}

/// <summary>The change between two measurements and whether it is clinically meaningful.</summary>
/// <param name="InstrumentId">"nprs", "odi", "ndi" or "qbpds".</param>
/// <param name="Before">Earlier score.</param>
/// <param name="After">Later score.</param>
/// <param name="Change">After minus before (negative is better).</param>
/// <param name="Threshold">Smallest change in points that counts as meaningful for this instrument.</param>
/// <param name="IsMeaningful">
/// True when the change is clinically important: it reaches <paramref name="Threshold"/>, or, for an improvement,
/// <see cref="RelativeThreshold"/> of the earlier score; and it exceeds the measurement error where one is known.
/// </param>
/// <param name="Direction">Improved, unchanged or worsened.</param>
/// <param name="Explanation">Plain explanation.</param>
public sealed record ScoreChange(
    string InstrumentId,
    double Before,
    double After,
    double Change,
    double Threshold,
    bool IsMeaningful,
    ChangeDirection Direction,
    LocalizedText Explanation)
{
    /// <summary>
    /// Smallest improvement, as a fraction of the earlier score, that also counts as meaningful (0.3 = 30%); null
    /// when the instrument has no relative rule.
    /// </summary>
    public double? RelativeThreshold { get; init; }

    /// <summary>The change as a fraction of the earlier score; null when the earlier score is 0.</summary>
    public double? RelativeChange { get; init; }

    /// <summary>Minimal detectable change (measurement error) in points; null when not known for the instrument.</summary>
    public double? MinimalDetectableChange { get; init; }

    /// <summary>
    /// Whether the change exceeds the measurement error; null when the instrument has no known minimal detectable
    /// change. A change within the error may be noise, even when it looks large.
    /// </summary>
    public bool? ExceedsMeasurementError { get; init; }
}

/// <summary>Numeric Pain Rating Scale score: average pain over the last 24 hours, 0-10.</summary>
/// <param name="Value">The score.</param>
public sealed record NprsScore(int Value);

/// <summary>One activity the patient finds hard, with its PSK rating (0 = no difficulty, 10 = impossible).</summary>
/// <param name="Label">The activity in the patient's words.</param>
/// <param name="Score">Difficulty 0-10.</param>
public sealed record PskActivity(string Label, int Score);

/// <summary>A Patiënt Specifieke Klachten measurement.</summary>
/// <param name="Activities">The 3-5 activities, as given.</param>
/// <param name="Mean">Mean difficulty, for an overview only; change is judged per activity.</param>
public sealed record PskScore(ImmutableArray<PskActivity> Activities, double Mean);

/// <summary>Change of one PSK activity.</summary>
/// <param name="Label">The activity.</param>
/// <param name="Before">Earlier score.</param>
/// <param name="After">Later score.</param>
/// <param name="Change">After minus before.</param>
/// <param name="IsMeaningful">True when the change is at least <see cref="OutcomeScoring.PskMeaningfulChange"/> points.</param>
/// <param name="Direction">Improved, unchanged or worsened.</param>
public sealed record PskActivityChange(string Label, int Before, int After, int Change, bool IsMeaningful, ChangeDirection Direction);

/// <summary>PSK change per activity.</summary>
/// <param name="Activities">Per-activity changes, in the order of the earlier measurement.</param>
/// <param name="MeaningfulImprovements">Activities meaningfully better.</param>
/// <param name="MeaningfulDeteriorations">Activities meaningfully worse.</param>
public sealed record PskComparison(ImmutableArray<PskActivityChange> Activities, int MeaningfulImprovements, int MeaningfulDeteriorations);

/// <summary>STarT Back risk class.</summary>
public enum StartBackRisk
{
    /// <summary>Total 0-3.</summary>
    Low,

    /// <summary>Total 4 or more with a psychosocial subscore below 4.</summary>
    Medium,

    /// <summary>Psychosocial subscore 4-5.</summary>
    High,
}

/// <summary>STarT Back score.</summary>
/// <param name="Total">Sum of the 9 items, 0-9.</param>
/// <param name="PsychosocialSubscore">Sum of items 5-9, 0-5.</param>
/// <param name="Risk">Risk class.</param>
/// <param name="Interpretation">
/// What the class suggests for the plan, ending with <see cref="JudgementNote"/>, so the class is never read on its own.
/// </param>
public sealed record StartBackScore(int Total, int PsychosocialSubscore, StartBackRisk Risk, LocalizedText Interpretation)
{
    /// <summary>That the score supports the therapist's risk judgement and is never a classification on its own.</summary>
    public LocalizedText JudgementNote => OutcomeScoring.StartBackJudgementNote;
}

/// <summary>The outcome measures proposed for an intake.</summary>
/// <param name="RegionIds">The complaint regions the proposal was made for.</param>
/// <param name="InstrumentIds">Measures to take at intake and again at evaluation, e.g. "nprs", "psk", "qbpds".</param>
/// <param name="SupportingInstrumentIds">Measures that support the therapist's judgement and are never used alone.</param>
/// <param name="Reason">Why these measures.</param>
public sealed record OutcomeSetProposal(
    ImmutableArray<string> RegionIds,
    ImmutableArray<string> InstrumentIds,
    ImmutableArray<string> SupportingInstrumentIds,
    LocalizedText Reason);

/// <summary>Oswestry disability bands.</summary>
public enum OdiBand
{
    /// <summary>0-20%.</summary>
    Minimal,

    /// <summary>21-40%.</summary>
    Moderate,

    /// <summary>41-60%.</summary>
    Severe,

    /// <summary>61-80%.</summary>
    VerySevere,

    /// <summary>81-100%.</summary>
    Extreme,
}

/// <summary>Oswestry Disability Index score.</summary>
/// <param name="Percentage">Sum / (5 x answered sections) x 100, unrounded.</param>
/// <param name="RawSum">Sum of the answered sections.</param>
/// <param name="AnsweredSections">Number of answered sections (8-10).</param>
/// <param name="Band">Band of the percentage rounded to a whole number.</param>
/// <param name="Interpretation">The band in words.</param>
public sealed record OdiScore(double Percentage, int RawSum, int AnsweredSections, OdiBand Band, LocalizedText Interpretation);

/// <summary>Neck Disability Index bands.</summary>
public enum NdiBand
{
    /// <summary>0-4.</summary>
    None,

    /// <summary>5-14.</summary>
    Mild,

    /// <summary>15-24.</summary>
    Moderate,

    /// <summary>25-34.</summary>
    Severe,

    /// <summary>35-50.</summary>
    Complete,
}

/// <summary>Neck Disability Index score.</summary>
/// <param name="Total">Score 0-50; prorated to 10 items when one or two are unanswered.</param>
/// <param name="RawSum">Sum of the answered items.</param>
/// <param name="AnsweredItems">Answered items (8-10).</param>
/// <param name="IsProrated">True when unanswered items were compensated by proration.</param>
/// <param name="Band">Band of the total.</param>
/// <param name="Interpretation">The band in words.</param>
public sealed record NdiScore(int Total, int RawSum, int AnsweredItems, bool IsProrated, NdiBand Band, LocalizedText Interpretation);

/// <summary>Quebec Back Pain Disability Scale score.</summary>
/// <param name="Total">Score 0-100; prorated to 20 items when one or two are unanswered.</param>
/// <param name="RawSum">Sum of the answered items.</param>
/// <param name="AnsweredItems">Answered items (18-20).</param>
/// <param name="IsProrated">True when unanswered items were compensated by proration.</param>
public sealed record QbpdsScore(int Total, int RawSum, int AnsweredItems, bool IsProrated);
