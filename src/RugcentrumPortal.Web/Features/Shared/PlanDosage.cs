using RugcentrumPortal.Clinical.Exercises;
using RugcentrumPortal.Clinical.Text;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.Shared;

/// <summary>One reading of a plan row's dosage for the patient's pages and the printed plan.</summary>
public static class PlanDosage
{
    /// <summary>The therapist's dosage for this patient in words; the catalogue's default when none was set.</summary>
    public static LocalizedText Describe(PlanExercise row, Exercise content) =>
        row.Dosage.IsEmpty ? content.DefaultDosage.Describe() : row.Dosage.Describe();
}
