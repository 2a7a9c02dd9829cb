using System.Collections.Immutable;
using RugcentrumPortal.Clinical.Text;

namespace RugcentrumPortal.Clinical.Patterns;

/// <summary>Where a pattern description comes from.</summary>
public enum PatternSource
{
    /// <summary>A compensation the practice itself describes.</summary>
    Practice,

    /// <summary>Vladimir Janda's muscle imbalance syndromes.</summary>
    Janda,
}

/// <summary>The practice's recovery order; goals and plans follow it.</summary>
public enum RecoveryPhase
{
    /// <summary>Restore free movement and lower excess tension.</summary>
    Mobility,

    /// <summary>Switch the deep, underactive muscles back on.</summary>
    Activation,

    /// <summary>Stability and control in slow, clean patterns.</summary>
    Stability,

    /// <summary>Targeted strength for the muscles that were underactive; load only once technique is clean.</summary>
    Strength,

    /// <summary>Conscious movement in daily life.</summary>
    DailyMovement,
}

/// <summary>A treatment goal for one recovery phase.</summary>
/// <param name="Phase">Recovery phase.</param>
/// <param name="Text">The goal in plain words.</param>
public sealed record PhaseGoal(RecoveryPhase Phase, LocalizedText Text);

/// <summary>
/// A compensation pattern: some muscles under-work, others take over and become overactive, and complaints
/// appear in typical regions.
/// </summary>
public sealed record CompensationPattern
{
    /// <summary>Stable kebab-case id, e.g. "upper-crossed".</summary>
    public required string Id { get; init; }

    /// <summary>Who describes the pattern.</summary>
    public required PatternSource Source { get; init; }

    /// <summary>Display name.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>Plain description of the mechanism.</summary>
    public required LocalizedText Description { get; init; }

    /// <summary>Muscle ids expected to be underactive. For a composite pattern: the union of its components.</summary>
    public required ImmutableArray<string> UnderactiveMuscleIds { get; init; }

    /// <summary>Muscle ids expected to be overactive. For a composite pattern: the union of its components.</summary>
    public required ImmutableArray<string> OveractiveMuscleIds { get; init; }

    /// <summary>Region ids where this pattern tends to hurt.</summary>
    public required ImmutableArray<string> PainRegionIds { get; init; }

    /// <summary>Pattern ids this pattern combines (Janda's layered syndrome); empty for simple patterns.</summary>
    public required ImmutableArray<string> ComponentPatternIds { get; init; }

    /// <summary>
    /// Narrower patterns whose muscles all lie within this one with the same expected tone (for a composite pattern:
    /// its components). When both are found, this pattern ranks first and the narrower one is shown as part of it.
    /// </summary>
    public required ImmutableArray<string> ContainedPatternIds { get; init; }

    /// <summary>Recovery goals, one per phase, in the practice's order.</summary>
    public required ImmutableArray<PhaseGoal> Goals { get; init; }

    /// <summary>True when the pattern is the combination of other patterns.</summary>
    public bool IsComposite => ComponentPatternIds.Length > 0;

    internal ImmutableArray<int> UnderactiveIndexes { get; init; }

    internal ImmutableArray<int> OveractiveIndexes { get; init; }

    internal int Index { get; init; }
}

/// <summary>Kind of observation a therapist records next to the muscle ratings.</summary>
public enum ObservationKind
{
    /// <summary>Static posture.</summary>
    Posture,

    /// <summary>Breathing pattern.</summary>
    Breathing,

    /// <summary>Quality of a movement or test.</summary>
    Movement,
}

/// <summary>A posture, breathing or movement observation that can support one or more patterns.</summary>
public sealed record ClinicalObservation
{
    /// <summary>Stable kebab-case id, e.g. "forward-head".</summary>
    public required string Id { get; init; }

    /// <summary>Posture, breathing or movement.</summary>
    public required ObservationKind Kind { get; init; }

    /// <summary>Display name.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>Pattern ids this observation supports.</summary>
    public required ImmutableArray<string> SupportsPatternIds { get; init; }
}
