using RugcentrumPortal.Clinical.Exercises;
using RugcentrumPortal.Clinical.Text;
using RugcentrumPortal.Web.Data;

namespace RugcentrumPortal.Web.Features.PatientPortal;

public static class PlanDosage
{
    /// <summary>The therapist's dosage for this patient in words; the catalogue's default when none was set.</summary>
    public static LocalizedText Describe(PlanExercise exercise, Exercise content)
    {
        var dosage = new Dosage
        {
            Sets = exercise.Sets,
            Repetitions = exercise.Repetitions,
            HoldSeconds = exercise.HoldSeconds,
            RestSeconds = exercise.RestSeconds,
            TimesPerDay = exercise.TimesPerDay,
            TimesPerWeek = exercise.TimesPerWeek,
            Minutes = exercise.Minutes,
        };
        var text = dosage.Describe();
        return text.Nl.Length == 0 ? content.DefaultDosage.Describe() : text;
    }
}
