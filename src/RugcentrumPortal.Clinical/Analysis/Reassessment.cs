using System.Collections.Immutable;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Muscles;
using RugcentrumPortal.Clinical.Patterns;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Clinical.Text;

namespace RugcentrumPortal.Clinical.Analysis;

/// <summary>How one muscle changed between two assessments.</summary>
public enum MuscleTrend
{
    /// <summary>Closer to normal than before.</summary>
    Better,

    /// <summary>The same tone and intensity as before.</summary>
    Same,

    /// <summary>Further from normal than before, or swung to the opposite tone without coming closer to normal.</summary>
    Worse,

    /// <summary>Rated now but not before; nothing to compare.</summary>
    NotRatedBefore,

    /// <summary>Rated before but not now; nothing to compare.</summary>
    NotRatedNow,
}

/// <summary>How one compensation pattern changed between two assessments.</summary>
public enum PatternTrend
{
    /// <summary>Found now, not before.</summary>
    New,

    /// <summary>Found before, not now.</summary>
    Resolved,

    /// <summary>Found both times, with a clearly higher score now.</summary>
    Stronger,

    /// <summary>Found both times, with a clearly lower score now.</summary>
    Weaker,

    /// <summary>Found both times with about the same score.</summary>
    Unchanged,
}

/// <summary>One muscle on one side, before and after.</summary>
public sealed class MuscleChange
{
    private LocalizedText? explanation;

    internal MuscleChange(Muscle muscle, Side side, MuscleRating? before, MuscleRating? after, MuscleTrend trend)
    {
        Muscle = muscle;
        Side = side;
        Before = before;
        After = after;
        Trend = trend;
    }

    /// <summary>The muscle.</summary>
    public Muscle Muscle { get; }

    /// <summary>The side compared; <see cref="Side.Both"/> when neither assessment rated the muscle per side.</summary>
    public Side Side { get; }

    /// <summary>The earlier rating for this side; null when not rated then.</summary>
    public MuscleRating? Before { get; }

    /// <summary>The later rating for this side; null when not rated now.</summary>
    public MuscleRating? After { get; }

    /// <summary>Better, same or worse; a move towards normal is better.</summary>
    public MuscleTrend Trend { get; }

    /// <summary>Plain explanation; built on first use.</summary>
    public LocalizedText Explanation => explanation ??= Explanations.ForMuscleChange(this);
}

/// <summary>One compensation pattern, before and after.</summary>
public sealed class PatternChange
{
    private LocalizedText? explanation;

    internal PatternChange(CompensationPattern pattern, PatternMatch? before, PatternMatch? after, PatternTrend trend)
    {
        Pattern = pattern;
        Before = before;
        After = after;
        Trend = trend;
    }

    /// <summary>The pattern.</summary>
    public CompensationPattern Pattern { get; }

    /// <summary>The pattern in the earlier analysis; null when no rating touched it then.</summary>
    public PatternMatch? Before { get; }

    /// <summary>The pattern in the later analysis; null when no rating touches it now.</summary>
    public PatternMatch? After { get; }

    /// <summary>New, resolved, stronger, weaker or unchanged.</summary>
    public PatternTrend Trend { get; }

    /// <summary>Plain explanation; built on first use.</summary>
    public LocalizedText Explanation => explanation ??= Explanations.ForPatternChange(this);
}

/// <summary>A later muscle-balance assessment set against an earlier one, for screen and print.</summary>
public sealed class ReassessmentComparison
{
    private LocalizedText? explanation;

    internal ReassessmentComparison()
    {
    }

    /// <summary>The earlier analysis.</summary>
    public required BalanceAnalysis Earlier { get; init; }

    /// <summary>The later analysis.</summary>
    public required BalanceAnalysis Later { get; init; }

    /// <summary>Every muscle rated in either assessment, per side, in catalog order.</summary>
    public required ImmutableArray<MuscleChange> Muscles { get; init; }

    /// <summary>Every pattern found in either assessment: the later analysis' order first, then the resolved ones.</summary>
    public required ImmutableArray<PatternChange> Patterns { get; init; }

    /// <summary>Plain summary; built on first use.</summary>
    public LocalizedText Explanation => explanation ??= Explanations.ForComparison(this);
}

/// <summary>Compares two muscle-balance analyses of the same patient. Pure: the same two analyses always give the same comparison.</summary>
public static class Reassessment
{
    /// <summary>Smallest change in a found pattern's score that counts as stronger or weaker rather than unchanged.</summary>
    public const double PatternChangeMargin = 0.10;

    /// <summary>Sets a later analysis against an earlier one, per muscle and side and per pattern.</summary>
    public static ReassessmentComparison Compare(BalanceAnalysis earlier, BalanceAnalysis later)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        if (!ReferenceEquals(earlier.Catalog, later.Catalog))
        {
            throw new ClinicalInputException(nameof(later), "different-catalog", "later", "the two analyses were made with different reference data and cannot be compared");
        }

        return new ReassessmentComparison
        {
            Earlier = earlier,
            Later = later,
            Muscles = CompareMuscles(earlier.Catalog, earlier.Assessment, later.Assessment),
            Patterns = ComparePatterns(earlier, later),
        };
    }

    // Signed distance from normal: positive for overactive, negative for underactive.
    private static int Deviation(MuscleRating rating) => rating.Tone switch
    {
        MuscleTone.Overactive => rating.Intensity,
        MuscleTone.Underactive => -rating.Intensity,
        _ => 0,
    };

    private static ImmutableArray<MuscleChange> CompareMuscles(ClinicalCatalog catalog, Assessment earlier, Assessment later)
    {
        var result = new List<MuscleChange>();
        foreach (var muscle in catalog.Muscles)
        {
            var before = earlier.Ratings.Where(r => r.MuscleId == muscle.Id).ToList();
            var after = later.Ratings.Where(r => r.MuscleId == muscle.Id).ToList();
            if (before.Count == 0 && after.Count == 0)
            {
                continue;
            }

            Side[] sides = before.Concat(after).Any(r => r.Side != Side.Both) ? [Side.Left, Side.Right] : [Side.Both];
            foreach (var side in sides)
            {
                var b = At(before, side);
                var a = At(after, side);
                if (b is not null || a is not null)
                {
                    result.Add(new MuscleChange(muscle, side, b, a, Trend(b, a)));
                }
            }
        }

        return [.. result];
    }

    // A rating for both sides stands for each side.
    private static MuscleRating? At(List<MuscleRating> ratings, Side side) =>
        ratings.FirstOrDefault(r => r.Side == side) ?? ratings.FirstOrDefault(r => r.Side == Side.Both);

    private static MuscleTrend Trend(MuscleRating? before, MuscleRating? after)
    {
        if (before is null)
        {
            return MuscleTrend.NotRatedBefore;
        }

        if (after is null)
        {
            return MuscleTrend.NotRatedNow;
        }

        var (b, a) = (Deviation(before), Deviation(after));
        return Math.Abs(a).CompareTo(Math.Abs(b)) switch
        {
            < 0 => MuscleTrend.Better,
            > 0 => MuscleTrend.Worse,
            _ => a == b ? MuscleTrend.Same : MuscleTrend.Worse,
        };
    }

    private static ImmutableArray<PatternChange> ComparePatterns(BalanceAnalysis earlier, BalanceAnalysis later)
    {
        var result = new List<PatternChange>();
        foreach (var pattern in later.Patterns.Concat(earlier.Patterns).Select(m => m.Pattern).Distinct())
        {
            var before = earlier.Patterns.FirstOrDefault(m => m.Pattern.Id == pattern.Id);
            var after = later.Patterns.FirstOrDefault(m => m.Pattern.Id == pattern.Id);
            var trend = (before?.IsMatch ?? false, after?.IsMatch ?? false) switch
            {
                (false, false) => (PatternTrend?)null,
                (false, true) => PatternTrend.New,
                (true, false) => PatternTrend.Resolved,
                _ => (after!.Score - before!.Score) switch
                {
                    >= PatternChangeMargin => PatternTrend.Stronger,
                    <= -PatternChangeMargin => PatternTrend.Weaker,
                    _ => PatternTrend.Unchanged,
                },
            };
            if (trend is { } found)
            {
                result.Add(new PatternChange(pattern, before, after, found));
            }
        }

        return [.. result];
    }
}
