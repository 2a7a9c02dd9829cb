using System.Collections.Immutable;
using RugcentrumPortal.Clinical.Text;

namespace RugcentrumPortal.Clinical.Outcomes;

/// <summary>
/// A questionnaire's metadata. Official item wordings are copyrighted, so items carry short labels of our own;
/// the patient fills in the official form and the portal stores the item scores by number.
/// </summary>
public sealed record OutcomeInstrument
{
    /// <summary>Stable id: "odi", "ndi", "qbpds" or "start-back".</summary>
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>Lowest score per item.</summary>
    public required int ItemMin { get; init; }

    /// <summary>Highest score per item.</summary>
    public required int ItemMax { get; init; }

    /// <summary>Short own-words labels, item 1 first.</summary>
    public required ImmutableArray<LocalizedText> ItemLabels { get; init; }

    /// <summary>How the score is used and where the official form is found.</summary>
    public required LocalizedText Note { get; init; }
}
