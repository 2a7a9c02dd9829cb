using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Web.Infrastructure.Access;
using RugcentrumPortal.Clinical.Exercises;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Examination;
using RugcentrumPortal.Web.Features.Plans;
using RugcentrumPortal.Web.Features.PracticeExercises;
using RugcentrumPortal.Web.Features.Shared;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.PlanPrint;

/// <summary>The printed plan's content, for the print page and the PDF alike.</summary>
public sealed class PlanPrintLoader(IDbContextFactory<AppDbContext> contexts, CurrentUser user, PracticeClock clock, ExerciseLookup lookup)
{
    /// <summary>
    /// The active plan of a patient the user may see (a therapist may ask for a specific version of it); without a
    /// patient, the signed-in patient's own active plan. Null when there is none or it is out of reach.
    /// </summary>
    public async Task<PlanPrintModel?> LoadAsync(Guid? patientId, Guid? planId, CancellationToken cancellationToken)
    {
        // A patient reaches only their own plan; the therapist route is not theirs to use.
        if (patientId is not null && !user.IsTherapist)
        {
            return null;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plans = db.Plans.AsNoTracking().Where(p => p.PatientId != null);
        plans = patientId is { } id ? plans.Where(p => p.PatientId == id) : plans.Where(p => p.Patient!.UserId == user.UserId);
        plans = planId is { } version && user.IsTherapist ? plans.Where(p => p.Id == version) : plans.Where(p => p.Status == PlanStatus.Active);
        var plan = await plans
            .Include(p => p.Patient!).ThenInclude(p => p.Practice)
            .Include(p => p.Patient!).ThenInclude(p => p.Therapist)
            .Include(p => p.Phases)
            .Include(p => p.Exercises)
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        if (plan?.Patient is not { } patient)
        {
            return null;
        }
        if (user.IsPatient)
        {
            db.AcrossPractices("the patient's own printed plan carries the precautions recorded for them; their plan was found under their own access above");
        }
        var safety = await PatientSafety.LoadAsync(db, patient.Id, cancellationToken);
        var progress = user.IsTherapist ? await ReassessmentService.LatestTwoAsync(db, clock, patient.Id, cancellationToken) : null;

        var contents = await lookup.ResolveAsync(plan.Exercises.Select(e => e.ExerciseId), cancellationToken);
        var items = plan.Exercises
            .OrderBy(e => e.Order)
            .Where(e => contents.ContainsKey(e.ExerciseId))
            .Select(e => (Item: e, Exercise: contents[e.ExerciseId]))
            .ToList();
        var exercises = Number(items.Where(i => !i.Exercise.IsSelfCareModule), safety, 1);
        var selfCare = Number(items.Where(i => i.Exercise.IsSelfCareModule), safety, exercises.Count + 1);

        return new PlanPrintModel(
            patient.Practice!.Name, patient.Practice.City, patient.Practice.Phone, patient.Practice.Email,
            patient.FullName, patient.DateOfBirth, patient.Therapist?.DisplayName,
            PlanTitles.Shown(plan.Title), plan.Version, plan.StartsOn, plan.ActivatedAt is { } activatedAt ? clock.Local(activatedAt) : null, clock.Today, plan.Notes,
            plan.Phases.OrderBy(p => p.Order).Select(p => new PrintPhase(p.Phase, p.ShownGoal(), p.ReviewOn)).ToList(),
            exercises, selfCare)
        {
            PatientId = patient.Id,
            PlanId = plan.Id,
            Progress = progress is { } found ? new PrintProgress(found.EarlierOn, found.LaterOn, found.Comparison) : null,
        };
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
