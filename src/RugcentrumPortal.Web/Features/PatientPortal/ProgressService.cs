using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Infrastructure.Access;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.PatientPortal;

public sealed record PatientProgressView(string PatientName, ProgressReport Report);

/// <summary>
/// Weekly adherence and the pain trend, as the patient sees their own and as their therapist sees it, counted in the
/// practice's weeks (Monday to Sunday in its time zone).
/// </summary>
public sealed class ProgressService(IDbContextFactory<AppDbContext> contexts, CurrentUser user, PracticeClock clock)
{
    /// <summary>The signed-in patient's own progress; null for anyone without a patient record.</summary>
    public async Task<ProgressReport?> MineAsync(CancellationToken cancellationToken)
    {
        if (!user.IsPatient)
        {
            return null;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var patientId = await db.Patients.Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        return patientId is null ? null : await ReportAsync(db, patientId.Value, cancellationToken);
    }

    /// <summary>A patient's progress for the therapist's page; null when the patient is out of reach.</summary>
    public async Task<PatientProgressView?> ForPatientAsync(Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var name = await db.Patients.Where(p => p.Id == patientId)
            .Select(p => p.FirstName + " " + p.LastName)
            .SingleOrDefaultAsync(cancellationToken);
        return name is null ? null : new PatientProgressView(name, await ReportAsync(db, patientId, cancellationToken));
    }

    /// <summary>The summary on the patient's page, only while a plan is active.</summary>
    public async Task<ProgressReport?> SummaryAsync(Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var hasPlan = await db.Plans.AnyAsync(p => p.PatientId == patientId && p.Status == PlanStatus.Active, cancellationToken);
        return hasPlan ? await ReportAsync(db, patientId, cancellationToken) : null;
    }

    private async Task<ProgressReport> ReportAsync(AppDbContext db, Guid patientId, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var firstWeek = ProgressCalculator.FirstWeek(today);
        var periods = ProgressCalculator.Periods(await ScheduleAsync(db, patientId, cancellationToken), clock.DateOf);
        var logs = db.SessionLogs.AsNoTracking().Where(l => l.PatientId == patientId);
        var recent = await logs.Where(l => l.Day >= firstWeek && l.Day <= today)
            .Select(l => new LoggedSession(l.ExerciseId, l.Day, l.Outcome, l.Pain, l.Tension))
            .ToListAsync(cancellationToken);
        var lastLogDay = await logs.Where(l => l.Day <= today).MaxAsync(l => (DateOnly?)l.Day, cancellationToken);
        var checkIns = await db.WeeklyCheckIns.AsNoTracking()
            .Where(c => c.PatientId == patientId && c.WeekStart >= firstWeek && c.WeekStart <= today)
            .ToListAsync(cancellationToken);
        return ProgressCalculator.Compute(periods, recent, checkIns.Select(CheckInSummary.Of).ToList(), lastLogDay, today);
    }

    /// <summary>Every version that went live decides what was due in its weeks, not only the current one.</summary>
    private async Task<List<PlanVersionSchedule>> ScheduleAsync(AppDbContext db, Guid patientId, CancellationToken cancellationToken)
    {
        // A patient reaches only the active version of their plan; the patient was found through the access rule above.
        await using var history = user.IsPatient ? await contexts.CreateDbContextAsync(cancellationToken) : null;
        var plans = history?.AcrossPractices("a patient's own past plan versions decide what was due in past weeks of their progress") ?? db;
        var versions = await plans.Plans.AsNoTracking()
            .Where(p => p.PatientId == patientId && p.Status != PlanStatus.Draft)
            .Select(p => new
            {
                Activated = p.ActivatedAt ?? p.CreatedAt,
                p.StartsOn,
                Exercises = p.Exercises.Select(e => new ScheduledExercise(e.ExerciseId, e.Dosage.TimesPerDay, e.Dosage.TimesPerWeek)).ToList(),
            })
            .ToListAsync(cancellationToken);
        return versions.Select(v => new PlanVersionSchedule(v.Activated, v.StartsOn, v.Exercises)).ToList();
    }
}
