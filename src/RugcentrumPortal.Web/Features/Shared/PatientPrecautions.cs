using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Exercises;
using RugcentrumPortal.Web.Data;

namespace RugcentrumPortal.Web.Features.Shared;

/// <summary>
/// The precaution conditions that apply to a patient, as recorded in an assessment: the ones ticked directly plus
/// those implied by the red and yellow flags found.
/// </summary>
public static class PatientPrecautions
{
    public static IReadOnlySet<string> ConditionsFrom(ClinicalAssessment? assessment)
    {
        if (assessment is null)
        {
            return new HashSet<string>();
        }
        var catalog = ClinicalCatalog.Default;
        var conditions = new HashSet<string>(assessment.PrecautionConditions, StringComparer.Ordinal);
        foreach (var id in assessment.RedFlagsPresent)
        {
            if (catalog.RedFlagsById.TryGetValue(id, out var flag))
            {
                conditions.UnionWith(flag.ImpliesPrecautionIds);
            }
        }
        foreach (var id in assessment.YellowFlags)
        {
            if (catalog.YellowFlagsById.TryGetValue(id, out var flag))
            {
                conditions.UnionWith(flag.ImpliesPrecautionIds);
            }
        }
        return conditions;
    }

    public static IEnumerable<ExercisePrecaution> ApplyingTo(Exercise exercise, IReadOnlySet<string> conditions) =>
        exercise.Precautions.Where(p => conditions.Contains(p.ConditionId));
}
