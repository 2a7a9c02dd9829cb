using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RugcentrumPortal.Clinical.Exercises;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.PracticeExercises;
using RugcentrumPortal.Web.Features.Shared;
using RugcentrumPortal.Web.Infrastructure;
using RugcentrumPortal.Web.Infrastructure.Access;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.PatientPortal;

public sealed record PortalPatient(Guid Id, string FirstName);

/// <summary>The latest log of an exercise today, at the practice's wall-clock time.</summary>
public sealed record LastSession(SessionOutcome Outcome, TimeOnly At);

public sealed record TodayItem(Guid PlanExerciseId, string Title, string Dosage, int TimesDue, int TimesLogged, LastSession? LastLog)
{
    public bool IsComplete => TimesDue > 0 && TimesLogged >= TimesDue;
}

/// <summary>
/// The patient's "Vandaag": what is due today from their active plan, and what they logged so far. Without an
/// active plan, <see cref="Held"/> says whether the therapist paused it or finished the treatment.
/// </summary>
public sealed record TodayView(
    PortalPatient Patient, DateOnly Today, bool HasPlan, DateOnly? StartsOn,
    IReadOnlyList<TodayItem> Exercises, IReadOnlyList<TodayItem> SelfCare, IReadOnlyList<TodayItem> NotToday,
    PlanStatus? Held = null)
{
    public bool NotStartedYet => StartsOn is { } startsOn && startsOn > Today;
}

public sealed record ExerciseView(Guid PlanExerciseId, Exercise Content, string Dosage, string? Instructions, ExerciseTimer? Timer);

/// <summary>The week the check-in looks back on, and what the patient already said about it.</summary>
public sealed record CheckInView(PortalPatient Patient, DateOnly WeekStart, CheckInInput? Saved);

/// <summary>
/// The signed-in patient's own portal: today's exercises, an exercise page, logging a session, the weekly check-in.
/// The access rule of the context narrows every query to the patient's own record and the active version of their
/// plan, so an exercise of anyone else's plan, a draft or an older version is simply not found.
/// </summary>
public sealed class PatientPortalService(
    IDbContextFactory<AppDbContext> contexts, CurrentUser user, OwnPatientRecord ownRecord, PracticeClock clock, IStringLocalizer<Texts> texts, ExerciseLookup lookup)
{
    public async Task<TodayView?> TodayAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var patient = await PatientAsync(cancellationToken);
        if (patient is null)
        {
            return null;
        }
        var today = clock.Today;
        var plan = await db.Plans.AsNoTracking().Include(p => p.Exercises).SingleOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return new TodayView(patient, today, false, null, [], [], [], await HeldPlanAsync(patient.Id, cancellationToken));
        }
        if (plan.StartsOn is { } startsOn && startsOn > today)
        {
            return new TodayView(patient, today, true, startsOn, [], [], []);
        }
        var logs = await db.SessionLogs.AsNoTracking()
            .Where(l => l.Day == today)
            .OrderBy(l => l.CreatedAt)
            .Select(l => new { l.ExerciseId, l.Outcome, l.CreatedAt })
            .ToListAsync(cancellationToken);
        var contents = await lookup.ResolveAsync(plan.Exercises.Select(e => e.ExerciseId), cancellationToken);
        List<TodayItem> exercises = [], selfCare = [], notToday = [];
        foreach (var exercise in plan.Exercises.OrderBy(e => e.Order))
        {
            if (!contents.TryGetValue(exercise.ExerciseId, out var content))
            {
                continue;
            }
            var own = logs.Where(l => l.ExerciseId == exercise.ExerciseId).ToList();
            var last = own.Count == 0 ? null : new LastSession(own[^1].Outcome, TimeOnly.FromDateTime(clock.Local(own[^1].CreatedAt).DateTime));
            var item = new TodayItem(exercise.Id, content.Title.Get(), PlanDosage.Describe(exercise, content).Get(),
                DueSchedule.SessionsOn(exercise.Dosage.TimesPerDay, exercise.Dosage.TimesPerWeek, today),
                own.Count(l => l.Outcome != SessionOutcome.Skipped), last);
            (item.TimesDue == 0 ? notToday : content.IsSelfCareModule ? selfCare : exercises).Add(item);
        }
        return new TodayView(patient, today, true, plan.StartsOn, exercises, selfCare, notToday);
    }

    /// <summary>An exercise of the patient's own active plan; null for drafts, older versions and other patients.</summary>
    public async Task<ExerciseView?> ExerciseAsync(Guid planExerciseId, CancellationToken cancellationToken)
    {
        if (!user.IsPatient)
        {
            return null;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var exercise = await db.PlanExercises.AsNoTracking().SingleOrDefaultAsync(e => e.Id == planExerciseId, cancellationToken);
        var content = exercise is null ? null : await lookup.FindAsync(exercise.ExerciseId, cancellationToken);
        if (exercise is null || content is null)
        {
            return null;
        }
        return new ExerciseView(exercise.Id, content, PlanDosage.Describe(exercise, content).Get(),
            string.IsNullOrWhiteSpace(exercise.Instructions) ? null : exercise.Instructions, ExerciseTimers.For(exercise, texts));
    }

    /// <summary>The one large "Gedaan" on the home page: a plain Done log with the form's submission id.</summary>
    public Task<FormResult> LogDoneAsync(Guid planExerciseId, string? submissionId, CancellationToken cancellationToken) =>
        LogSessionAsync(planExerciseId, new SessionLogInput { Outcome = nameof(SessionOutcome.Done), SubmissionId = submissionId }, cancellationToken);

    /// <summary>
    /// Logs a session once, on the practice's date of this moment. A second post of the same form (double click,
    /// back and resubmit) hits the unique submission id and counts as the success it already was.
    /// </summary>
    public async Task<FormResult> LogSessionAsync(Guid planExerciseId, SessionLogInput input, CancellationToken cancellationToken)
    {
        if (!user.IsPatient)
        {
            return FormResult.NotFound;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var exercise = await db.PlanExercises.AsNoTracking()
            .Where(e => e.Id == planExerciseId)
            .Select(e => new { e.Id, e.PlanId, e.ExerciseId })
            .SingleOrDefaultAsync(cancellationToken);
        var patient = await PatientAsync(cancellationToken);
        if (exercise is null && patient is not null && await HeldPlanAsync(patient.Id, cancellationToken) is { } held)
        {
            return FormResult.PlanHeld(texts[held == PlanStatus.Paused ? "Portal.PlanOnHold" : "Portal.PlanFinished"]);
        }
        if (exercise is null || patient is null)
        {
            return FormResult.NotFound;
        }
        if (FormResult.Refusal(input) is { } invalid)
        {
            return invalid;
        }
        var now = clock.Now;
        var log = new SessionLog
        {
            PatientId = patient.Id,
            PlanId = exercise.PlanId,
            PlanExerciseId = exercise.Id,
            ExerciseId = exercise.ExerciseId,
            Day = clock.DateOf(now),
            Outcome = input.ParsedOutcome!.Value,
            Pain = input.ParsedPain,
            Tension = input.ParsedTension,
            Difficulty = input.ParsedDifficulty,
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            SubmissionId = input.ParsedSubmissionId!.Value,
            CreatedAt = now,
        };
        db.SessionLogs.Add(log);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // The same form was already saved: the patient's session is logged, once.
        }
        return FormResult.Saved;
    }

    /// <summary>This week's check-in (Monday to Sunday at the practice), as filled in so far.</summary>
    public async Task<CheckInView?> CheckInAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var patient = await PatientAsync(cancellationToken);
        if (patient is null)
        {
            return null;
        }
        var weekStart = DueSchedule.WeekStart(clock.Today);
        var saved = await db.WeeklyCheckIns.AsNoTracking()
            .SingleOrDefaultAsync(c => c.PatientId == patient.Id && c.WeekStart == weekStart, cancellationToken);
        return new CheckInView(patient, weekStart, saved is null ? null : CheckInInput.From(saved));
    }

    /// <summary>One check-in per patient per week: a second submit in the same week updates the first.</summary>
    public async Task<FormResult> SaveCheckInAsync(CheckInInput input, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var patient = await PatientAsync(cancellationToken);
        if (patient is null)
        {
            return FormResult.NotFound;
        }
        if (FormResult.Refusal(input) is { } invalid)
        {
            return invalid;
        }
        var now = clock.Now;
        var weekStart = DueSchedule.WeekStart(clock.DateOf(now));
        var checkIn = await CurrentCheckInAsync(db, patient.Id, weekStart, cancellationToken);
        if (checkIn is null)
        {
            checkIn = new WeeklyCheckIn { PatientId = patient.Id, WeekStart = weekStart, CreatedAt = now };
            db.WeeklyCheckIns.Add(checkIn);
        }
        input.ApplyTo(checkIn);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // A second submit raced the first to insert this week's row: update that row instead.
            db.ChangeTracker.Clear();
            var winner = await CurrentCheckInAsync(db, patient.Id, weekStart, cancellationToken);
            input.ApplyTo(winner!);
            await db.SaveChangesAsync(cancellationToken);
        }
        return FormResult.Saved;
    }

    private static Task<WeeklyCheckIn?> CurrentCheckInAsync(AppDbContext db, Guid patientId, DateOnly weekStart, CancellationToken cancellationToken) =>
        db.WeeklyCheckIns.SingleOrDefaultAsync(c => c.PatientId == patientId && c.WeekStart == weekStart, cancellationToken);

    /// <summary>For the signed-in patient: Paused or Finished when their plan is on hold or their treatment done.</summary>
    public async Task<PlanStatus?> HeldPlanAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await PatientAsync(cancellationToken) is { } patient ? await HeldPlanAsync(patient.Id, cancellationToken) : null;
    }

    /// <summary>
    /// Paused or Finished when the patient has no active plan because the therapist paused it or finished the
    /// treatment; null otherwise. Only the status is read: a plan that is not active shows the patient nothing of its content.
    /// </summary>
    private async Task<PlanStatus?> HeldPlanAsync(Guid patientId, CancellationToken cancellationToken)
    {
        await using var history = await contexts.CreateDbContextAsync(cancellationToken);
        var statuses = await history.AcrossPractices("a patient is told that their own plan is on hold or their treatment finished; the patient was found under their own access")
            .Plans.Where(p => p.PatientId == patientId && (p.Status == PlanStatus.Active || p.Status == PlanStatus.Paused || p.Status == PlanStatus.Finished))
            .Select(p => p.Status).ToListAsync(cancellationToken);
        return statuses.Contains(PlanStatus.Active) ? null
            : statuses.Contains(PlanStatus.Paused) ? PlanStatus.Paused
            : statuses.Contains(PlanStatus.Finished) ? PlanStatus.Finished
            : null;
    }

    /// <summary>The patient's own record; a therapist's practice holds many, so only a patient account has one.</summary>
    private async Task<PortalPatient?> PatientAsync(CancellationToken cancellationToken) =>
        await ownRecord.GetAsync(cancellationToken) is { } own ? new PortalPatient(own.Id, own.FirstName) : null;
}
