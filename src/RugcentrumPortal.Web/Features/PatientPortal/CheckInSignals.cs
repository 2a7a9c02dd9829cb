using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.PatientPortal;

/// <summary>A week's check-in as the progress pages show it: the pain score, the note and the signs ticked.</summary>
public sealed record CheckInSummary(DateOnly WeekStart, int Nprs, string? Note, IReadOnlyList<string> SignalKeys)
{
    public static CheckInSummary Of(WeeklyCheckIn checkIn) =>
        new(checkIn.WeekStart, checkIn.Nprs, checkIn.Note, CheckInSignals.Reported(checkIn).ToList());
}

/// <summary>The practice's six signs of progress, as the text keys of the words the patient ticked them in.</summary>
public static class CheckInSignals
{
    public static IEnumerable<string> Reported(WeeklyCheckIn checkIn)
    {
        if (checkIn.LessTensionNeck)
        {
            yield return "Portal.CheckIn.LessTensionNeck";
        }
        if (checkIn.LessTensionShoulders)
        {
            yield return "Portal.CheckIn.LessTensionShoulders";
        }
        if (checkIn.LessTensionLowBack)
        {
            yield return "Portal.CheckIn.LessTensionLowBack";
        }
        if (checkIn.SmootherMovement)
        {
            yield return "Portal.CheckIn.SmootherMovement";
        }
        if (checkIn.EasierBreathing)
        {
            yield return "Portal.CheckIn.EasierBreathing";
        }
        if (checkIn.ExercisesFeelEasier)
        {
            yield return "Portal.CheckIn.ExercisesFeelEasier";
        }
    }
}
