using System.Collections.Immutable;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Clinical.Text;

namespace RugcentrumPortal.Clinical.Examination;

/// <summary>
/// One of Janda's movement tests (Page, Frank and Lardner 2010): a simple movement whose muscle firing order or
/// substitution shows which muscles take over.
/// </summary>
public sealed record MovementTest
{
    /// <summary>Stable kebab-case id, e.g. "prone-hip-extension".</summary>
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>What a clean performance looks like.</summary>
    public required LocalizedText Normal { get; init; }

    /// <summary>True when the test is graded for the left and the right side separately.</summary>
    public required bool HasSides { get; init; }

    /// <summary>The deviations the therapist can record, each pointing to one or more patterns.</summary>
    public required ImmutableArray<MovementTestFinding> Findings { get; init; }
}

/// <summary>A deviation seen in a movement test and what it indicates.</summary>
public sealed record MovementTestFinding
{
    /// <summary>Stable kebab-case id, unique over all tests, e.g. "hip-extension-erectors-first".</summary>
    public required string Id { get; init; }

    /// <summary>The test it belongs to.</summary>
    public required string TestId { get; init; }

    /// <summary>Display name.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>Pattern ids this finding is evidence for.</summary>
    public required ImmutableArray<string> SupportsPatternIds { get; init; }

    /// <summary>Muscle ids the finding suggests are inhibited.</summary>
    public required ImmutableArray<string> UnderactiveMuscleIds { get; init; }

    /// <summary>Muscle ids the finding suggests take over.</summary>
    public required ImmutableArray<string> OveractiveMuscleIds { get; init; }
}

/// <summary>How a movement test went.</summary>
public enum MovementGrade
{
    /// <summary>Performed cleanly.</summary>
    Normal,

    /// <summary>One or more of the test's findings were seen.</summary>
    Deviating,
}

/// <summary>The therapist's grading of one movement test on one side.</summary>
/// <param name="TestId">Movement test id from the catalog.</param>
/// <param name="Side">Left or right for tests graded per side; <see cref="Side.Both"/> for the others.</param>
/// <param name="Grade">Normal or deviating.</param>
public sealed record MovementTestResult(string TestId, Side Side, MovementGrade Grade)
{
    /// <summary>The findings seen; required when deviating, empty when normal.</summary>
    public IReadOnlyList<string> FindingIds { get; init; } = [];
}
