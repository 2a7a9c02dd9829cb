using System.Globalization;
using System.Text.RegularExpressions;
using RugcentrumPortal.Clinical;
using RugcentrumPortal.Clinical.Analysis;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Muscles;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.BodyMap;
using RugcentrumPortal.Web.Features.Findings;

namespace RugcentrumPortal.Web.Features.Balance;

/// <summary>A problem in the posted form, tied to a muscle row when it concerns one.</summary>
/// <param name="Code">The clinical core's validation code, e.g. "intensity-out-of-range".</param>
/// <param name="MuscleId">The muscle row to show it at; null for problems outside the rows.</param>
/// <param name="Value">The offending id, for messages about ids that have no row.</param>
public sealed record BalanceProblem(string Code, string? MuscleId, string? Value);

/// <summary>Moves muscle-balance findings between the form, the stored rows and the clinical core.</summary>
public static partial class BalanceMapping
{
    private static ClinicalCatalog Catalog => ClinicalCatalog.Default;

    /// <summary>
    /// Reads the form's values into ratings as they are, without correcting anything: the clinical core's own
    /// validation then decides what is wrong, so the web app never keeps a second copy of those rules.
    /// </summary>
    public static Assessment ToAssessment(BalanceInput input)
    {
        var ratings = new List<MuscleRating>();
        foreach (var (muscleId, toneText) in input.Tone.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (string.IsNullOrEmpty(toneText))
            {
                continue;
            }
            var tone = ParseEnum<MuscleTone>(toneText);
            var intensity = tone == MuscleTone.Normal
                ? 1
                : int.TryParse(input.Intensity.GetValueOrDefault(muscleId), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
            var side = input.Side.TryGetValue(muscleId, out var sideText) && !string.IsNullOrEmpty(sideText) ? ParseEnum<Side>(sideText) : Side.Both;
            ratings.Add(new MuscleRating(muscleId, tone, intensity, side));
        }
        var observations = input.Observations.Where(o => !string.IsNullOrEmpty(o)).Distinct(StringComparer.Ordinal).ToList();
        return new Assessment(ratings) { ObservationIds = observations };
    }

    /// <summary>
    /// The clinical core's analysis of the ratings made so far, for the form's live panel. Null before the first
    /// rating, or while a value does not pass the core's validation (the save then reports it).
    /// </summary>
    public static BalanceAnalysis? Preview(BalanceInput input, IEnumerable<string> complaintKeys)
    {
        var clinical = ToAssessment(input) with { Complaints = ComplaintRegions(complaintKeys) };
        var analyzer = new BalanceAnalyzer();
        return clinical.Ratings.Count > 0 && analyzer.Validate(clinical).IsValid ? analyzer.Analyze(clinical) : null;
    }

    /// <summary>Places each validation error at the muscle row it belongs to.</summary>
    public static List<BalanceProblem> Problems(ValidationResult result, Assessment assessment)
    {
        var problems = new List<BalanceProblem>();
        foreach (var error in result.Errors)
        {
            var match = IndexedPath().Match(error.Path);
            if (!match.Success)
            {
                problems.Add(new BalanceProblem(error.Code, null, null));
                continue;
            }
            var index = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture);
            switch (match.Groups["list"].Value)
            {
                case "Ratings" when index < assessment.Ratings.Count:
                    var muscleId = assessment.Ratings[index].MuscleId;
                    var known = Catalog.MusclesById.ContainsKey(muscleId);
                    problems.Add(new BalanceProblem(error.Code, known ? muscleId : null, muscleId));
                    break;
                case "ObservationIds" when index < assessment.ObservationIds.Count:
                    problems.Add(new BalanceProblem(error.Code, null, assessment.ObservationIds[index]));
                    break;
                default:
                    problems.Add(new BalanceProblem(error.Code, null, null));
                    break;
            }
        }
        return problems;
    }

    public static List<MuscleRatingEntry> ToEntries(Assessment assessment, Guid assessmentId) =>
        assessment.Ratings
            .Select(r => new MuscleRatingEntry { AssessmentId = assessmentId, MuscleId = r.MuscleId, Tone = r.Tone, Intensity = r.Intensity, Side = r.Side })
            .ToList();

    /// <summary>The stored findings as the form shows them.</summary>
    public static BalanceInput ToInput(ClinicalAssessment assessment)
    {
        var input = new BalanceInput { Notes = assessment.BalanceNotes, Observations = [.. assessment.Observations] };
        // The form holds one row per muscle; the first stored side stands for it.
        foreach (var rating in assessment.Ratings.OrderBy(r => r.Side))
        {
            if (input.Tone.ContainsKey(rating.MuscleId))
            {
                continue;
            }
            input.Tone[rating.MuscleId] = rating.Tone.ToString();
            input.Intensity[rating.MuscleId] = rating.Intensity.ToString(CultureInfo.InvariantCulture);
            input.Side[rating.MuscleId] = rating.Side.ToString();
        }
        return input;
    }

    /// <summary>
    /// The stored assessment in the clinical core's terms, with Janda's movement tests when they were loaded;
    /// complaint keys that no longer parse are left out.
    /// </summary>
    public static Assessment ToAssessment(ClinicalAssessment assessment) =>
        new(assessment.Ratings.Select(r => new MuscleRating(r.MuscleId, r.Tone, r.Intensity, r.Side)).ToList())
        {
            ObservationIds = [.. assessment.Observations],
            Complaints = ComplaintRegions(assessment.ComplaintRegions),
            MovementTests = [.. assessment.MovementTests.Select(ExaminationMapping.ToResult)],
        };

    public static List<ComplaintRegion> ComplaintRegions(IEnumerable<string> keys)
    {
        var complaints = new List<ComplaintRegion>();
        foreach (var key in keys)
        {
            if (TryParseZone(key, out var regionId, out var side)
                && Catalog.RegionsById.TryGetValue(regionId, out var region)
                && (side == Side.Both || region.HasSides))
            {
                complaints.Add(new ComplaintRegion(regionId, side));
            }
        }
        return complaints;
    }

    /// <summary>The chain drawn on the body diagram: its muscles' regions in chain order.</summary>
    public static DiagramChain ToDiagram(ChainLoad load) =>
        new(load.Chain.Name.Get(), load.Chain.MuscleIds.Select(id => Catalog.MusclesById[id].RegionId).ToList());

    private static bool TryParseZone(string key, out string regionId, out Side side)
    {
        try
        {
            (regionId, side) = ZoneKey.Parse(key);
            return true;
        }
        catch (FormatException)
        {
            (regionId, side) = ("", Side.Both);
            return false;
        }
    }

    // An unknown name maps to an undefined value on purpose, so that the clinical core reports it.
    private static TEnum ParseEnum<TEnum>(string text)
        where TEnum : struct, Enum =>
        Enum.GetNames<TEnum>().Contains(text, StringComparer.Ordinal) ? Enum.Parse<TEnum>(text) : (TEnum)(object)(-1);

    [GeneratedRegex(@"^(?<list>\w+)\[(?<index>\d+)\]")]
    private static partial Regex IndexedPath();
}
