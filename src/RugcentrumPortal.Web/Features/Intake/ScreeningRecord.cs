using RugcentrumPortal.Web.Infrastructure.Time;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Web.Data;
using RugcentrumPortal.Web.Features.Shared;

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
    public static ScreeningResult? Replay(ClinicalAssessment assessment, DateOnly dateOfBirth)
    {
        if (assessment.ScreenedAt is not { } screenedAt)
        {
            return null;
        }
        var input = InputFor(assessment, PracticeClock.AgeOn(dateOfBirth, DateOnly.FromDateTime(screenedAt.UtcDateTime)));
        return Screener.Validate(input).IsValid ? Screener.Screen(input) : null;
    }

    public static TherapistDecision? DecisionOf(ClinicalAssessment assessment) => assessment.DecisionKind is { } kind
        ? new TherapistDecision(kind, assessment.DecisionReason, assessment.GpConsent)
        : null;
}
