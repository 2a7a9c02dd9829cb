using System.Collections.Immutable;
using RugcentrumPortal.Clinical.Text;

namespace RugcentrumPortal.Clinical.Chains;

/// <summary>A myofascial line (Myers, Anatomy Trains) as an ordered sequence of muscles, from distal to proximal.</summary>
public sealed record MuscleChain
{
    /// <summary>Stable kebab-case id, e.g. "superficial-back-line".</summary>
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>What the line does and which connective-tissue stations link the muscles.</summary>
    public required LocalizedText Description { get; init; }

    /// <summary>Muscle ids in order along the line.</summary>
    public required ImmutableArray<string> MuscleIds { get; init; }

    internal ImmutableArray<int> MuscleIndexes { get; init; }
}
