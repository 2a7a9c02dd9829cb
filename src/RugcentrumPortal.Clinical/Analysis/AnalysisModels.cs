using System.Collections.Immutable;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Chains;
using RugcentrumPortal.Clinical.Examination;
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

    /// <summary>Janda's movement tests as graded, one per test and side; each deviation is evidence for the patterns it points to.</summary>
    public IReadOnlyList<MovementTestResult> MovementTests { get; init; } = [];
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

    /// <summary>A deviation seen in one of Janda's movement tests.</summary>
    MovementTest,
}

/// <summary>One finding that supports or contradicts a pattern.</summary>
public sealed class Evidence
{
    private LocalizedText? explanation;

    internal Evidence(EvidenceKind kind, LocalizedText subject, string id, MuscleTone? expected, MuscleRating? rating, bool supports, Side side, MuscleLayer? layer = null, LocalizedText? explanation = null)
    {
        this.explanation = explanation;
        Kind = kind;
        Subject = subject;
        Id = id;
        Expected = expected;
        Rating = rating;
        Supports = supports;
        Side = side;
        Layer = layer;
    }

    /// <summary>Rating, observation, complaint region or movement test.</summary>
    public EvidenceKind Kind { get; }

    /// <summary>The muscle, observation, region or movement test finding id.</summary>
    public string Id { get; }

    /// <summary>Display name of the muscle, observation, region or movement test finding.</summary>
    public LocalizedText Subject { get; }

    /// <summary>For ratings: the tone the pattern expects.</summary>
    public MuscleTone? Expected { get; }

    /// <summary>For ratings: the rating that was given.</summary>
    public MuscleRating? Rating { get; }

    /// <summary>True when the finding supports the pattern, false when it contradicts it.</summary>
    public bool Supports { get; }

    /// <summary>Side of the finding.</summary>
    public Side Side { get; }

    /// <summary>For ratings: whether the muscle is a deep stabiliser or a superficial mover.</summary>
    public MuscleLayer? Layer { get; }

    /// <summary>Plain explanation; built on first use so the analysis itself stays cheap.</summary>
    public LocalizedText Explanation => explanation ??= Explanations.ForEvidence(this);
}

/// <summary>How a pattern fits the findings of one side of the body, judged on that side alone.</summary>
/// <param name="Side">Left or right.</param>
/// <param name="Fit">How well the ratings on this side fit the pattern; 0 to 1.</param>
/// <param name="Coverage">Share of the pattern's key muscles rated on this side; 0 to 1.</param>
/// <param name="Holds">True when the findings on this side alone establish the pattern.</param>
public sealed record SideFit(Side Side, double Fit, double Coverage, bool Holds);

/// <summary>How well one compensation pattern fits the assessment.</summary>
/// <remarks>
/// Two separate figures describe the ratings: <see cref="Coverage"/> (how much of the pattern was rated) and
/// <see cref="Fit"/> (how well the ratings that were given fit it). <see cref="Score"/> adds observations and
/// movement tests to the fit; <see cref="Confidence"/> is the coverage, capped when the pattern only holds by
/// combining findings from opposite sides. Complaint regions raise <see cref="Relevance"/> only.
/// </remarks>
public sealed class PatternMatch
{
    internal PatternMatch()
    {
    }

    /// <summary>The pattern.</summary>
    public required CompensationPattern Pattern { get; init; }

    /// <summary>Overall figure: <see cref="Fit"/> plus a small bonus for supporting observations and movement tests; 0 to 1. Complaint regions do not count.</summary>
    public required double Score { get; init; }

    /// <summary>
    /// <see cref="Coverage"/>, capped at <see cref="BalanceAnalyzer.OppositeSidesConfidenceCap"/> when the pattern
    /// only holds by combining findings from the left and the right side; 0 to 1.
    /// </summary>
    public required double Confidence { get; init; }

    /// <summary>How well the given ratings fit what the pattern expects ("overeenkomst", "match"); ratings only; 0 to 1.</summary>
    public required double Fit { get; init; }

    /// <summary>Share of the pattern's key muscles that were rated ("dekking", "coverage"); 0 to 1.</summary>
    public required double Coverage { get; init; }

    /// <summary>
    /// Ranking figure: <see cref="Score"/> times <see cref="Confidence"/>, plus a small bonus per complaint region
    /// where the pattern tends to hurt. Complaints make a pattern more relevant but never decide whether it is found.
    /// </summary>
    public required double Relevance { get; init; }

    /// <summary>
    /// True when the pattern is considered present: score at least <see cref="BalanceAnalyzer.MatchThreshold"/>, more
    /// than half of the key muscles rated, and support on both the underactive and the overactive side; for a
    /// composite pattern, all components present.
    /// </summary>
    public required bool IsMatch { get; init; }

    /// <summary>Where the pattern holds: left, right, or <see cref="Side.Both"/> for both sides or findings without sides.</summary>
    public required Side Side { get; init; }

    /// <summary>The pattern judged on the left side alone; null when no key muscle was rated per side.</summary>
    public required SideFit? Left { get; init; }

    /// <summary>The pattern judged on the right side alone; null when no key muscle was rated per side.</summary>
    public required SideFit? Right { get; init; }

    /// <summary>True when left and right differ: the pattern holds on one side only, or the fit differs markedly.</summary>
    public required bool IsAsymmetric { get; init; }

    /// <summary>True when the pattern only holds by combining findings from opposite sides; its confidence is then capped.</summary>
    public required bool FindingsOnOppositeSides { get; init; }

    /// <summary>
    /// True when the supporting ratings include an underactive deep stabiliser and an overactive superficial mover in
    /// the same body region on the same side: the practice's core pattern of superficial muscles taking over.
    /// </summary>
    public required bool HasLayerImbalance { get; init; }

    /// <summary>Findings that support the pattern.</summary>
    public required ImmutableArray<Evidence> Supporting { get; init; }

    /// <summary>Findings that contradict the pattern (normal or opposite ratings).</summary>
    public required ImmutableArray<Evidence> Contradicting { get; init; }

    /// <summary>Key muscle ids of the pattern that were not rated.</summary>
    public required ImmutableArray<string> MissingMuscleIds { get; init; }

    /// <summary>The broader found pattern (a Janda syndrome) this found pattern is shown as part of; null when it stands alone.</summary>
    public CompensationPattern? PartOf { get; internal set; }

    /// <summary>Narrower found patterns shown as part of this one.</summary>
    public ImmutableArray<CompensationPattern> Parts { get; internal set; } = [];

    /// <summary>Plain explanation of the verdict and of its figures; built on first use.</summary>
    public LocalizedText Explanation => explanation ??= Explanations.ForPattern(this);

    internal int RatedCount { get; init; }

    internal int KeyCount { get; init; }

    internal bool HasUnderactiveSupport { get; init; }

    internal bool HasOveractiveSupport { get; init; }

    internal double Bonus { get; init; }

    private LocalizedText? explanation;
}

/// <summary>A muscle rated differently on the left and the right.</summary>
public sealed class MuscleAsymmetry
{
    private LocalizedText? explanation;

    internal MuscleAsymmetry(Muscle muscle, MuscleRating left, MuscleRating right)
    {
        Muscle = muscle;
        Left = left;
        Right = right;
    }

    /// <summary>The muscle.</summary>
    public Muscle Muscle { get; }

    /// <summary>The left rating.</summary>
    public MuscleRating Left { get; }

    /// <summary>The right rating.</summary>
    public MuscleRating Right { get; }

    /// <summary>Plain explanation; built on first use.</summary>
    public LocalizedText Explanation => explanation ??= Explanations.ForAsymmetry(this);
}

/// <summary>
/// The practice's core pattern in one body region: deep stabilisers do too little and superficial movers on the
/// same side take over.
/// </summary>
public sealed class LayerImbalance
{
    private LocalizedText? explanation;

    internal LayerImbalance(BodyRegion region, Side side, ImmutableArray<Muscle> deepStabilisers, ImmutableArray<Muscle> superficialMovers)
    {
        Region = region;
        Side = side;
        DeepStabilisers = deepStabilisers;
        SuperficialMovers = superficialMovers;
    }

    /// <summary>The body region both muscle groups lie in.</summary>
    public BodyRegion Region { get; }

    /// <summary>The side; <see cref="Side.Both"/> when both sides show it or the muscles have no sides.</summary>
    public Side Side { get; }

    /// <summary>Underactive deep stabilisers.</summary>
    public ImmutableArray<Muscle> DeepStabilisers { get; }

    /// <summary>Overactive superficial movers.</summary>
    public ImmutableArray<Muscle> SuperficialMovers { get; }

    /// <summary>Plain explanation; built on first use.</summary>
    public LocalizedText Explanation => explanation ??= Explanations.ForLayerImbalance(this);
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

    /// <summary>Every pattern touched by at least one rating: the found ones in the order of <see cref="Matches"/>, then the others by relevance.</summary>
    public required ImmutableArray<PatternMatch> Patterns { get; init; }

    /// <summary>
    /// The patterns found (<see cref="PatternMatch.IsMatch"/>): the most relevant broad pattern first, each followed by
    /// the narrower found patterns shown as part of it.
    /// </summary>
    public required ImmutableArray<PatternMatch> Matches { get; init; }

    /// <summary>Chains with deviating ratings, highest load first.</summary>
    public required ImmutableArray<ChainLoad> Chains { get; init; }

    /// <summary>Treatment goals per phase in the practice's order: mobility, activation, stability, strength, daily movement.</summary>
    public required ImmutableArray<PhaseGoals> Goals { get; init; }

    /// <summary>Coverage: share of the key muscles of the touched patterns that were rated; 0 to 1.</summary>
    public required double Confidence { get; init; }

    /// <summary>Muscles rated differently on the left and the right, in catalog order.</summary>
    public required ImmutableArray<MuscleAsymmetry> Asymmetries { get; init; }

    /// <summary>Regions where an underactive deep stabiliser meets an overactive superficial mover on the same side, in diagram order.</summary>
    public required ImmutableArray<LayerImbalance> LayerImbalances { get; init; }

    /// <summary>Key muscle ids of the touched patterns that were not rated; rating them would sharpen the analysis.</summary>
    public required ImmutableArray<string> MissingMuscleIds { get; init; }

    /// <summary>Plain summary of the analysis; built on first use.</summary>
    public LocalizedText Explanation => explanation ??= Explanations.ForAnalysis(this);

    internal ClinicalCatalog Catalog { get; init; } = ClinicalCatalog.Default;

    private LocalizedText? explanation;
}
