using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Patterns;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.TestSupport;

/// <summary>Puts recovery plans straight into the database, as the plan builder would leave them.</summary>
public static class TestPlans
{
    private const string Title = "Testplan";

    /// <summary>A row with a dosage of the test's own, for what is due when and what the timers do.</summary>
    public static PlanExercise Exercise(string id, int? perDay = null, int? perWeek = null, int? sets = null, int? reps = null, int? hold = null, int? minutes = null) =>
        new() { ExerciseId = id, Dosage = new() { TimesPerDay = perDay, TimesPerWeek = perWeek, Sets = sets, Repetitions = reps, HoldSeconds = hold, Minutes = minutes } };

    /// <summary>A first draft of 2 x 10 of each exercise, as a therapist starts one.</summary>
    public static Task<RecoveryPlan> DraftAsync(PortalFactory portal, Guid patientId, params string[] exerciseIds) =>
        AddAsync(portal, patientId, PlanStatus.Draft, portal.PracticeClock().Now,
            exerciseIds.Select(id => new PlanExercise { ExerciseId = id, Dosage = new() { Sets = 2, Repetitions = 10 } }).ToArray());

    /// <summary>The patient's plan from now on at catalogue dosage, superseding the active one as activating a new version does.</summary>
    public static Task<RecoveryPlan> ActiveAsync(PortalFactory portal, Guid patientId, params string[] exerciseIds) =>
        AddAsync(portal, patientId, PlanStatus.Active, portal.PracticeClock().Now, exerciseIds.Select(FromCatalogue).ToArray());

    /// <summary>
    /// A plan created (and, unless a draft, activated) at <paramref name="at"/>. A draft starts a lineage of its own, as
    /// a first plan does (a revision comes from the plan service); any other plan is the next version of the patient's
    /// plan, and an active one supersedes the active version, so the patient never has two.
    /// </summary>
    public static async Task<RecoveryPlan> AddAsync(PortalFactory portal, Guid patientId, PlanStatus status, DateTimeOffset at, params PlanExercise[] exercises)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        var patient = await db.Patients.SingleAsync(p => p.Id == patientId);
        var therapistId = patient.TherapistId ?? await TherapistOfAsync(db, patient.PracticeId);
        var plan = new RecoveryPlan
        {
            PracticeId = patient.PracticeId, PatientId = patientId, LineageId = Guid.CreateVersion7(), Status = status, Title = Title,
            CreatedById = therapistId, CreatedAt = at, UpdatedAt = at,
            Phases = [new PlanPhase { Order = 0, Phase = RecoveryPhase.Mobility, Goal = "Soepel bewegen" }],
        };
        if (status != PlanStatus.Draft)
        {
            var latest = await db.Plans.Where(p => p.PatientId == patientId && p.Status != PlanStatus.Draft)
                .OrderByDescending(p => p.Version).Select(p => new { p.LineageId, p.Version }).FirstOrDefaultAsync();
            if (latest is not null)
            {
                (plan.LineageId, plan.Version) = (latest.LineageId, latest.Version + 1);
            }
            (plan.ActivatedAt, plan.ActivatedById) = (at, therapistId);
        }
        if (status is PlanStatus.Active or PlanStatus.Paused)
        {
            // One live version per patient, as the database demands: the new one replaces the active or paused one.
            await db.Plans.Where(p => p.PatientId == patientId && (p.Status == PlanStatus.Active || p.Status == PlanStatus.Paused))
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.Status, PlanStatus.Superseded));
        }
        var order = 0;
        foreach (var exercise in exercises)
        {
            exercise.Order = order++;
            plan.Exercises.Add(exercise);
        }
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return plan;
    }

    private static PlanExercise FromCatalogue(string id) =>
        new() { ExerciseId = id, Dosage = ExerciseDosage.From(ClinicalCatalog.Default.ExercisesById[id].DefaultDosage) };

    private static Task<string> TherapistOfAsync(AppDbContext db, Guid practiceId) =>
        (from user in db.Users
         join userRole in db.UserRoles on user.Id equals userRole.UserId
         join role in db.Roles on userRole.RoleId equals role.Id
         where user.PracticeId == practiceId && role.Name == Roles.Therapist
         orderby user.Email
         select user.Id).FirstAsync();
}
