using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Patterns;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.TestSupport;

/// <summary>Puts an active recovery plan straight into the database, as the plan builder would leave it.</summary>
public static class TestPlans
{
    public static async Task<RecoveryPlan> AddActivePlanAsync(IServiceProvider services, Guid patientId, IReadOnlyList<string> exerciseIds, string title = "Herstelplan nek en schouders")
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        var patient = await db.Patients.SingleAsync(p => p.Id == patientId);
        await db.Plans.Where(p => p.PatientId == patientId && p.Status == PlanStatus.Active)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.Status, PlanStatus.Superseded));
        var version = await db.Plans.Where(p => p.PatientId == patientId).Select(p => (int?)p.Version).MaxAsync() ?? 0;
        var lineage = await db.Plans.Where(p => p.PatientId == patientId).Select(p => (Guid?)p.LineageId).FirstOrDefaultAsync() ?? Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        var plan = new RecoveryPlan
        {
            PracticeId = patient.PracticeId, PatientId = patientId, LineageId = lineage, Version = version + 1, Status = PlanStatus.Active,
            Title = title, CreatedById = patient.TherapistId ?? "", CreatedAt = now, UpdatedAt = now, ActivatedAt = now,
            ActivatedById = patient.TherapistId, StartsOn = DateOnly.FromDateTime(DateTime.Today),
            Phases =
            [
                new PlanPhase { Order = 0, Phase = RecoveryPhase.Mobility, Goal = "Soepel bewegen zonder extra spanning", ReviewOn = DateOnly.FromDateTime(DateTime.Today.AddDays(14)) },
                new PlanPhase { Order = 1, Phase = RecoveryPhase.Activation, Goal = "Diepe nekbuigers weer aanzetten" },
            ],
        };
        var order = 0;
        foreach (var id in exerciseIds)
        {
            plan.Exercises.Add(new PlanExercise
            {
                Order = order++, Phase = RecoveryPhase.Activation, ExerciseId = id,
                Dosage = ExerciseDosage.From(ClinicalCatalog.Default.ExercisesById[id].DefaultDosage),
            });
        }
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return plan;
    }
}
