using RugcentrumPortal.Clinical.Analysis;
using RugcentrumPortal.Clinical.Plans;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Balance;
using RugcentrumPortal.Web.Features.Intake;

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
    /// <param name="today">The practice's date, against which a recorded clearance is checked.</param>
    public static SuggestionResult Build(ClinicalAssessment assessment, int age, DateOnly today)
    {
        var analyzer = new BalanceAnalyzer();
        var input = BalanceMapping.ToAssessment(assessment);
        if (!analyzer.Validate(input).IsValid)
        {
            return new SuggestionResult(null, null, false);
        }
        var analysis = analyzer.Analyze(input);
        var (screening, complete) = Screen(assessment, age);
        return new SuggestionResult(new PlanSuggester().Suggest(analysis, screening, ClearanceOf(assessment), today), analysis, !complete);
    }

    /// <summary>The recorded medical clearance; it was checked against the practice's date when it was recorded.</summary>
    public static MedicalClearance? ClearanceOf(ClinicalAssessment assessment) =>
        assessment is { ClearanceRecordedAt: not null, ClearedBy: { } by, ClearanceRole: { } role, ClearedOn: { } on, ClearanceExcluded: { } excluded }
            ? new MedicalClearance(by, role, on, excluded)
            : null;

    /// <summary>
    /// Screens the stored answers. When the screening is incomplete the suggestion still comes, from what is known:
    /// questions not asked count as "no" and unknown ids are left out; the page says so.
    /// </summary>
    private static (ScreeningResult Result, bool Complete) Screen(ClinicalAssessment assessment, int age)
    {
        var screener = new RedFlagScreener();
        var input = ScreeningRecord.InputFor(assessment, age);
        if (screener.Validate(input).IsValid)
        {
            return (screener.Screen(input), true);
        }

        var catalog = ExerciseLibrary.Catalog;
        var safeAge = Math.Clamp(age, 0, RedFlagScreener.MaximumAge);
        var known = new ScreeningInput(safeAge, catalog.RedFlags.Where(i => i.IsAsked)
            .ToDictionary(i => i.Id, i => input.RedFlagAnswers.GetValueOrDefault(i.Id)))
        {
            AgeAtOnset = assessment.AgeAtOnset is { } onset && onset >= 0 && onset <= safeAge ? onset : null,
            YellowFlagIds = assessment.YellowFlags.Where(catalog.YellowFlagsById.ContainsKey).ToList(),
            StressSignalIds = assessment.StressSignals.Where(catalog.StressSignalsById.ContainsKey).ToList(),
            PrecautionConditionIds = assessment.PrecautionConditions.Where(catalog.PrecautionConditionsById.ContainsKey).ToList(),
        };
        return (screener.Screen(known), false);
    }
}
