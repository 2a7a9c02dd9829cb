using RugcentrumPortal.Clinical.Exercises;
using RugcentrumPortal.Clinical.Text;
using RugcentrumPortal.Web.Data;

namespace RugcentrumPortal.Web.Features.Shared;

/// <summary>One reading of a plan row's dosage for the builder, the patient's pages and the printed plan.</summary>
public static class PlanDosage
{
    public static Dosage Of(PlanExercise row) => new()
    {
        Sets = row.Sets,
        Repetitions = row.Repetitions,
        HoldSeconds = row.HoldSeconds,
        RestSeconds = row.RestSeconds,
        TimesPerDay = row.TimesPerDay,
        TimesPerWeek = row.TimesPerWeek,
        Minutes = row.Minutes,
    };

    /// <summary>The therapist's dosage for this patient in words; the catalogue's default when none was set.</summary>
    public static LocalizedText Describe(PlanExercise row, Exercise content)
    {
        var text = Of(row).Describe();
        return text.Nl.Length == 0 ? content.DefaultDosage.Describe() : text;
    }
}
