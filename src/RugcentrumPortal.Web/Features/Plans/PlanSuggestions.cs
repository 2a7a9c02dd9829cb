using RugcentrumPortal.Clinical.Analysis;
using RugcentrumPortal.Clinical.Plans;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Web.Data;
using RugcentrumPortal.Web.Features.BodyMap;

namespace RugcentrumPortal.Web.Features.Plans;

/// <summary>The clinical core's suggestion for a stored assessment, or why there is none.</summary>
public sealed record SuggestionResult(PlanSuggestion? Suggestion, BalanceAnalysis? Analysis, bool ScreeningIncomplete);

/// <summary>Rebuilds the clinical core's input from a stored assessment and asks it for a first-phase plan.</summary>
public static class PlanSuggestions
{
    /// <summary>The patient's assessments with muscle ratings, newest first; the first one feeds the suggestion.</summary>
    public static IQueryable<ClinicalAssessment> WithRatings(IQueryable<ClinicalAssessment> assessments, Guid patientId) =>
        assessments.Where(a => a.PatientId == patientId && a.Ratings.Any()).OrderByDescending(a => a.CreatedAt);

    /// <param name="assessment">Loaded with its ratings.</param>
    /// <param name="age">The patient's current age.</param>
    public static SuggestionResult Build(ClinicalAssessment assessment, int age)
    {
        var analyzer = new BalanceAnalyzer();
        var input = ToAssessment(assessment);
        if (input is null || !analyzer.Validate(input).IsValid)
        {
            return new SuggestionResult(null, null, false);
        }
        var analysis = analyzer.Analyze(input);
        var (screening, complete) = Screen(assessment, age);
        return new SuggestionResult(new PlanSuggester().Suggest(analysis, screening), analysis, !complete);
    }

    private static Assessment? ToAssessment(ClinicalAssessment assessment)
    {
        var complaints = new List<ComplaintRegion>();
        foreach (var key in assessment.ComplaintRegions)
        {
            try
            {
                var (regionId, side) = ZoneKey.Parse(key);
                complaints.Add(new ComplaintRegion(regionId, side));
            }
            catch (FormatException)
            {
                return null;
            }
        }
        return new Assessment(assessment.Ratings.Select(r => new MuscleRating(r.MuscleId, r.Tone, r.Intensity, r.Side)).ToList())
        {
            ObservationIds = assessment.Observations,
            Complaints = complaints,
        };
    }

    /// <summary>
    /// Screens the stored answers. When the screening is incomplete the suggestion still comes, from what is known:
    /// questions not asked count as "no" and unknown ids are left out; the page says so.
    /// </summary>
    private static (ScreeningResult Result, bool Complete) Screen(ClinicalAssessment assessment, int age)
    {
        var screener = new RedFlagScreener();
        var answers = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var id in assessment.RedFlagsAbsent)
        {
            answers[id] = false;
        }
        foreach (var id in assessment.RedFlagsPresent)
        {
            answers[id] = true;
        }
        var input = new ScreeningInput(age, answers)
        {
            AgeAtOnset = assessment.AgeAtOnset,
            YellowFlagIds = assessment.YellowFlags,
            StressSignalIds = assessment.StressSignals,
            PrecautionConditionIds = assessment.PrecautionConditions,
        };
        if (screener.Validate(input).IsValid)
        {
            return (screener.Screen(input), true);
        }

        var catalog = ExerciseLibrary.Catalog;
        var safeAge = Math.Clamp(age, 0, RedFlagScreener.MaximumAge);
        var known = new ScreeningInput(safeAge, catalog.RedFlags.Where(i => i.IsAsked)
            .ToDictionary(i => i.Id, i => answers.GetValueOrDefault(i.Id)))
        {
            AgeAtOnset = assessment.AgeAtOnset is { } onset && onset >= 0 && onset <= safeAge ? onset : null,
            YellowFlagIds = assessment.YellowFlags.Where(catalog.YellowFlagsById.ContainsKey).ToList(),
            StressSignalIds = assessment.StressSignals.Where(catalog.StressSignalsById.ContainsKey).ToList(),
            PrecautionConditionIds = assessment.PrecautionConditions.Where(catalog.PrecautionConditionsById.ContainsKey).ToList(),
        };
        return (screener.Screen(known), false);
    }
}
