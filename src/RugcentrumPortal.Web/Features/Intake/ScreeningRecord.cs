using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.Intake;

/// <summary>Builds the screener's input from what an assessment stores, so the stored answers can be screened again.</summary>
public static class ScreeningRecord
{
    private static readonly RedFlagScreener Screener = new();

    public static ScreeningInput InputFor(ClinicalAssessment assessment, int age)
    {
        var answers = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var id in assessment.RedFlagsAbsent)
        {
            answers[id] = false;
        }
        foreach (var id in assessment.RedFlagsPresent)
        {
            answers[id] = true;
        }
        return new ScreeningInput(age, answers)
        {
            AgeAtOnset = assessment.AgeAtOnset,
            YellowFlagIds = assessment.YellowFlags,
            StressSignalIds = assessment.StressSignals,
            PrecautionConditionIds = assessment.PrecautionConditions,
        };
    }

    /// <summary>
    /// The screener is deterministic, so screening the stored answers again gives the texts of the recorded result.
    /// Null when the stored answers no longer fit the catalogue.
    /// </summary>
    /// <param name="ageWhenScreened">The patient's age on the practice's date of the screening.</param>
    public static ScreeningResult? Replay(ClinicalAssessment assessment, int ageWhenScreened)
    {
        var input = InputFor(assessment, ageWhenScreened);
        return Screener.Validate(input).IsValid ? Screener.Screen(input) : null;
    }
}
