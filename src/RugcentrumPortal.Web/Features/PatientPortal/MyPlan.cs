using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Web.Infrastructure.Access;
using RugcentrumPortal.Web.Data;
using RugcentrumPortal.Web.Features.Patients;
using RugcentrumPortal.Web.Infrastructure;

namespace RugcentrumPortal.Web.Features.PatientPortal;

public sealed record PortalPatient(Guid Id, string FirstName);

/// <summary>What the signed-in patient may see of their plan, always through the access rules.</summary>
public static class MyPlan
{
    public static Task<PortalPatient?> PatientAsync(AppDbContext db, CurrentUser user) =>
        db.Patients.VisibleTo(user).Select(p => new PortalPatient(p.Id, p.FirstName)).SingleOrDefaultAsync();

    /// <summary>The one active version of the patient's own plan, with its exercises in the therapist's order.</summary>
    public static async Task<RecoveryPlan?> ActivePlanAsync(AppDbContext db, CurrentUser user)
    {
        var plan = await db.Plans.VisibleTo(user).AsNoTracking().Include(p => p.Exercises).SingleOrDefaultAsync();
        plan?.Exercises.Sort((a, b) => a.Order.CompareTo(b.Order));
        return plan;
    }

    /// <summary>An exercise of the patient's own active plan; null for drafts, superseded versions and other patients.</summary>
    public static Task<PlanExercise?> ExerciseAsync(AppDbContext db, CurrentUser user, Guid planExerciseId) =>
        db.PlanExercises.AsNoTracking()
            .Where(e => e.Id == planExerciseId && db.Plans.VisibleTo(user).Any(p => p.Id == e.PlanId))
            .SingleOrDefaultAsync();

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public static DateTimeOffset Local(TimeProvider clock, DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, clock.LocalTimeZone);

    /// <summary>
    /// Saves a log once. A second post of the same form (double click, back and resubmit) hits the unique
    /// submission id and counts as the success it already was.
    /// </summary>
    public static async Task SaveOnceAsync(AppDbContext db, SessionLog log)
    {
        db.SessionLogs.Add(log);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            db.Entry(log).State = EntityState.Detached;
        }
    }
}
