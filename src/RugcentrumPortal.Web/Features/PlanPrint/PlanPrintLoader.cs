using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Web.Infrastructure.Access;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Exercises;
using RugcentrumPortal.Web.Data;
using RugcentrumPortal.Web.Features.Patients;
using RugcentrumPortal.Web.Features.Plans;
using RugcentrumPortal.Web.Features.Shared;
using RugcentrumPortal.Web.Infrastructure;

namespace RugcentrumPortal.Web.Features.PlanPrint;

public sealed class PlanPrintLoader(AppDbContext db, CurrentUser user, TimeProvider clock)
{
    /// <summary>
    /// The active plan of a patient the user may see (a therapist may ask for a specific version of it);
    /// null when there is none or it is out of reach.
    /// </summary>
    public async Task<PlanPrintModel?> LoadAsync(Guid? patientId, Guid? planId = null)
    {
        var plans = db.Plans.VisibleTo(user).Where(p => p.PatientId != null);
        plans = patientId is { } id ? plans.Where(p => p.PatientId == id) : plans.Where(p => p.Patient!.UserId == user.UserId);
        plans = planId is { } version && user.IsTherapist ? plans.Where(p => p.Id == version) : plans.Where(p => p.Status == PlanStatus.Active);
        var plan = await plans
            .Include(p => p.Patient!).ThenInclude(p => p.Practice)
            .Include(p => p.Patient!).ThenInclude(p => p.Therapist)
            .Include(p => p.Phases)
            .Include(p => p.Exercises)
            .AsSplitQuery()
            .SingleOrDefaultAsync();
        if (plan?.Patient is not { } patient)
        {
            return null;
        }
        // Access to this patient's plan was checked above; a patient may not query assessments themselves.
        var safety = await PatientSafety.LoadAsync(db.Assessments, patient.Id);

        var catalog = ClinicalCatalog.Default;
        var items = plan.Exercises
            .OrderBy(e => e.Order)
            .Where(e => catalog.ExercisesById.ContainsKey(e.ExerciseId))
            .Select(e => (Item: e, Exercise: catalog.ExercisesById[e.ExerciseId]))
            .ToList();
        var exercises = Number(items.Where(i => !i.Exercise.IsSelfCareModule), safety, 1);
        var selfCare = Number(items.Where(i => i.Exercise.IsSelfCareModule), safety, exercises.Count + 1);

        return new PlanPrintModel(
            patient.Practice!.Name, patient.Practice.City, patient.Practice.Phone, patient.Practice.Email,
            patient.FullName, patient.DateOfBirth, patient.Therapist?.DisplayName,
            plan.Title, plan.Version, plan.StartsOn, plan.ActivatedAt, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), plan.Notes,
            plan.Phases.OrderBy(p => p.Order).Select(p => new PrintPhase(p.Phase, p.Goal, p.ReviewOn)).ToList(),
            exercises, selfCare);
    }

    private static List<PrintExercise> Number(IEnumerable<(PlanExercise Item, Exercise Exercise)> items, PatientSafety safety, int first) =>
        items.Select((i, index) => new PrintExercise(
                first + index,
                i.Exercise,
                PlanDosage.Describe(i.Item, i.Exercise).Get(),
                i.Item.Instructions,
                safety.PrecautionsFor(i.Exercise.Id).Select(p => p.Note.Get())
                    .Concat(string.IsNullOrWhiteSpace(i.Item.PrecautionNote) ? [] : [i.Item.PrecautionNote!])
                    .ToList()))
            .ToList();

}
