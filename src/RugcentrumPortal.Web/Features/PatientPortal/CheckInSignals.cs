using Microsoft.Extensions.Localization;
using RugcentrumPortal.Web.Data;

namespace RugcentrumPortal.Web.Features.PatientPortal;

/// <summary>The practice's six signs of progress, in the words the patient ticked them.</summary>
public static class CheckInSignals
{
    public static IEnumerable<string> Reported(WeeklyCheckIn checkIn, IStringLocalizer T)
    {
        if (checkIn.LessTensionNeck)
        {
            yield return T["Portal.CheckIn.LessTensionNeck"];
        }
        if (checkIn.LessTensionShoulders)
        {
            yield return T["Portal.CheckIn.LessTensionShoulders"];
        }
        if (checkIn.LessTensionLowBack)
        {
            yield return T["Portal.CheckIn.LessTensionLowBack"];
        }
        if (checkIn.SmootherMovement)
        {
            yield return T["Portal.CheckIn.SmootherMovement"];
        }
        if (checkIn.EasierBreathing)
        {
            yield return T["Portal.CheckIn.EasierBreathing"];
        }
        if (checkIn.ExercisesFeelEasier)
        {
            yield return T["Portal.CheckIn.ExercisesFeelEasier"];
        }
    }
}
