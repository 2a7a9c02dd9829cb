using System.Collections.Immutable;
using RugcentrumPortal.Clinical.Chains;
using RugcentrumPortal.Clinical.Muscles;
using RugcentrumPortal.Clinical.Patterns;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Clinical.Text;

namespace RugcentrumPortal.Clinical.Analysis;

/// <summary>A therapist's rating of one muscle.</summary>
/// <param name="MuscleId">Muscle id from the catalog.</param>
/// <param name="Tone">Overactive, normal or underactive.</param>
/// <param name="Intensity">How marked the finding is: 1 (slight) to 3 (marked).</param>
/// <param name="Side">Side; must be <see cref="Side.Both"/> for muscles that are not judged per side.</param>
public sealed record MuscleRating(string MuscleId, MuscleTone Tone, int Intensity = 1, Side Side = Side.Both);

/// <summary>A region where the patient has complaints.</summary>
/// <param name="RegionId">Region id from the catalog.</param>
/// <param name="Side">Side; must be <see cref="Side.Both"/> for regions without sides.</param>
public sealed record ComplaintRegion(string RegionId, Side Side = Side.Both);

/// <summary>Everything the therapist recorded in a muscle-balance assessment.</summary>
/// <param name="Ratings">Per-muscle ratings; one per muscle and side.</param>
public sealed record Assessment(IReadOnlyList<MuscleRating> Ratings)
{
    /// <summary>Posture, breathing and movement observation ids.</summary>
    public IReadOnlyList<string> ObservationIds { get; init; } = [];

    /// <summary>Regions where the patient has complaints.</summary>
    public IReadOnlyList<ComplaintRegion> Complaints { get; init; } = [];
}

/// <summary>What a piece of evidence is.</summary>
public enum EvidenceKind
{
    /// <summary>A muscle rating.</summary>
    Rating,

    /// <summary>A posture, breathing or movement observation.</summary>
    Observation,

    /// <summary>A complaint in a region where the pattern tends to hurt.</summary>
    ComplaintRegion,
}

/// <summary>One finding that supports or contradicts a pattern.</summary>
public sealed class Evidence
{
    private LocalizedText? explanation;

    internal Evidence(EvidenceKind kind, LocalizedText subject, string id, MuscleTone? expected, MuscleRating? rating, bool supports, Side side)
    {
        Kind = kind;
        Subject = subject;
        Id = id;
        Expected = expected;
        Rating = rating;
        Supports = supports;
        Side = side;
    }

    /// <summary>Rating, observation or complaint region.</summary>
    public EvidenceKind Kind { get; }

    /// <summary>The muscle, observation or region id.</summary>
    public string Id { get; }

    /// <summary>Display name of the muscle, observation or region.</summary>
    public LocalizedText Subject { get; }

    /// <summary>For ratings: the tone the pattern expects.</summary>
    public MuscleTone? Expected { get; }

    /// <summary>For ratings: the rating that was given.</summary>
    public MuscleRating? Rating { get; }

    /// <summary>True when the finding supports the pattern, false when it contradicts it.</summary>
    public bool Supports { get; }

    /// <summary>Side of the finding.</summary>
    public Side Side { get; }

    /// <summary>Plain explanation; built on first use so the analysis itself stays cheap.</summary>
    public LocalizedText Explanation => explanation ??= Explanations.ForEvidence(this);
}

/// <summary>How well one compensation pattern fits the assessment.</summary>
public sealed class PatternMatch
{
    internal PatternMatch()
    {
    }

    /// <summary>The pattern.</summary>
    public required CompensationPattern Pattern { get; init; }

    /// <summary>Fit over the rated key muscles, plus a small bonus for supporting observations and complaint regions; 0 to 1.</summary>
    public required double Score { get; init; }

    /// <summary>Share of the pattern's key muscles that were rated; 0 to 1. Missing ratings lower it.</summary>
    public required double Confidence { get; init; }

    /// <summary>True when the pattern is considered present (score at least 0.5, more than half of the key muscles rated, and support on both the underactive and the overactive side).</summary>
    public required bool IsMatch { get; init; }

    /// <summary>Findings that support the pattern.</summary>
    public required ImmutableArray<Evidence> Supporting { get; init; }

    /// <summary>Findings that contradict the pattern (normal or opposite ratings).</summary>
    public required ImmutableArray<Evidence> Contradicting { get; init; }

    /// <summary>Key muscle ids of the pattern that were not rated.</summary>
    public required ImmutableArray<string> MissingMuscleIds { get; init; }

    /// <summary>Plain explanation of the verdict; built on first use.</summary>
    public LocalizedText Explanation => explanation ??= Explanations.ForPattern(this);

    internal int RatedCount { get; init; }

    internal int KeyCount { get; init; }

    internal bool HasUnderactiveSupport { get; init; }

    internal bool HasOveractiveSupport { get; init; }

    private LocalizedText? explanation;
}

/// <summary>How much a myofascial chain is involved.</summary>
public sealed class ChainLoad
{
    internal ChainLoad()
    {
    }

    /// <summary>The chain.</summary>
    public required MuscleChain Chain { get; init; }

    /// <summary>Sum of the intensities of deviating ratings in the chain plus one per complaint region it crosses.</summary>
    public required int Load { get; init; }

    /// <summary>Chain muscle ids rated overactive.</summary>
    public required ImmutableArray<string> OveractiveMuscleIds { get; init; }

    /// <summary>Chain muscle ids rated underactive.</summary>
    public required ImmutableArray<string> UnderactiveMuscleIds { get; init; }

    /// <summary>Complaint region ids the chain runs through.</summary>
    public required ImmutableArray<string> ComplaintRegionIds { get; init; }

    /// <summary>Plain explanation; built on first use.</summary>
    public LocalizedText Explanation => explanation ??= Explanations.ForChain(this);

    private LocalizedText? explanation;
}

/// <summary>A treatment goal with where it comes from.</summary>
/// <param name="Text">The goal.</param>
/// <param name="PatternId">The pattern it serves; null for goals drawn from individual ratings.</param>
public sealed record TreatmentGoal(LocalizedText Text, string? PatternId);

/// <summary>Treatment goals for one recovery phase.</summary>
/// <param name="Phase">The phase.</param>
/// <param name="Goals">Goals in priority order.</param>
public sealed record PhaseGoals(RecoveryPhase Phase, ImmutableArray<TreatmentGoal> Goals);

/// <summary>The result of a muscle-balance analysis.</summary>
public sealed class BalanceAnalysis
{
    internal BalanceAnalysis()
    {
    }

    /// <summary>The analysed assessment.</summary>
    public required Assessment Assessment { get; init; }

    /// <summary>Every pattern touched by at least one rating, best fit first.</summary>
    public required ImmutableArray<PatternMatch> Patterns { get; init; }

    /// <summary>The patterns found (<see cref="PatternMatch.IsMatch"/>), best fit first.</summary>
    public required ImmutableArray<PatternMatch> Matches { get; init; }

    /// <summary>Chains with deviating ratings, highest load first.</summary>
    public required ImmutableArray<ChainLoad> Chains { get; init; }

    /// <summary>Treatment goals per phase in the practice's order: mobility, activation, stability, strength, daily movement.</summary>
    public required ImmutableArray<PhaseGoals> Goals { get; init; }

    /// <summary>Share of the key muscles of the touched patterns that were rated; 0 to 1.</summary>
    public required double Confidence { get; init; }

    /// <summary>Key muscle ids of the touched patterns that were not rated; rating them would sharpen the analysis.</summary>
    public required ImmutableArray<string> MissingMuscleIds { get; init; }

    /// <summary>Plain summary of the analysis; built on first use.</summary>
    public LocalizedText Explanation => explanation ??= Explanations.ForAnalysis(this);

    private LocalizedText? explanation;
}
