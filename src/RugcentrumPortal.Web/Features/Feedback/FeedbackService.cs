using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.PatientPortal;
using RugcentrumPortal.Web.Features.Plans;
using RugcentrumPortal.Web.Features.PracticeExercises;
using RugcentrumPortal.Web.Infrastructure.Access;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.Feedback;

/// <summary>
/// One signal from a patient for the therapist: a note, a weekly check-in, a rise in pain or a quiet spell.
/// <see cref="Day"/> is the practice day it belongs to; <see cref="At"/> when the patient wrote it, if they did.
/// </summary>
public sealed record FeedbackItem(
    Guid PatientId, string PatientName, FeedbackKind Kind, string Key, DateOnly Day, DateTimeOffset? At, bool IsRead)
{
    public string? Note { get; init; }
    public string? ExerciseId { get; init; }

    /// <summary>The logged exercise's title, of a catalogue or an own exercise; empty when the log names none.</summary>
    public string ExerciseTitle { get; init; } = "";
    public int? Pain { get; init; }
    public PainRiseFound? PainRise { get; init; }
    public QuietSpell? Quiet { get; init; }
    public CheckInSummary? CheckIn { get; init; }
}

/// <summary>Whose signals the overview shows: the therapist's own patients, or every patient of the practice.</summary>
public enum FeedbackScope
{
    MyPatients,
    WholePractice,
}

/// <summary>
/// What patients tell their therapist, newest first: notes with their logs, weekly check-ins, pain rising by two
/// points or more within a week, and a week or more without activity while a plan runs. Signals are read from the
/// patients' own records over the last <see cref="WindowDays"/> days; only "read" is stored.
/// </summary>
public sealed class FeedbackService(IDbContextFactory<AppDbContext> contexts, CurrentUser user, PracticeClock clock, ExerciseLookup lookup)
{
    public const int WindowDays = 28;

    public async Task<IReadOnlyList<FeedbackItem>> ForPatientAsync(Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await SignalsAsync(db, db.Patients.Where(p => p.Id == patientId), cancellationToken);
    }

    public async Task<IReadOnlyList<FeedbackItem>> OverviewAsync(FeedbackScope scope, bool unreadOnly, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var therapistId = user.UserId;
        var patients = scope == FeedbackScope.MyPatients ? db.Patients.Where(p => p.TherapistId == therapistId) : db.Patients;
        var items = await SignalsAsync(db, patients, cancellationToken);
        return unreadOnly ? items.Where(i => !i.IsRead).ToList() : items;
    }

    /// <summary>Marks one signal read; false when the patient is out of reach. Reading it twice changes nothing.</summary>
    public async Task<bool> MarkReadAsync(Guid patientId, FeedbackKind kind, string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
        {
            return false;
        }
        if (await db.FeedbackReceipts.AnyAsync(r => r.PatientId == patientId && r.Kind == kind && r.SourceKey == key, cancellationToken))
        {
            return true;
        }
        db.FeedbackReceipts.Add(new FeedbackReceipt { PatientId = patientId, Kind = kind, SourceKey = key, ReadByUserId = user.UserId, ReadAt = clock.Now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // A colleague marked it read at the same moment: read it is.
        }
        return true;
    }

    private async Task<IReadOnlyList<FeedbackItem>> SignalsAsync(AppDbContext db, IQueryable<Patient> patients, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var from = today.AddDays(-WindowDays);
        var people = await patients.AsNoTracking()
            .Select(p => new { p.Id, Name = p.FirstName + " " + p.LastName })
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        if (people.Count == 0)
        {
            return [];
        }
        var logs = await db.SessionLogs.AsNoTracking()
            .Where(l => patients.Any(p => p.Id == l.PatientId) && l.Day >= from && l.Day <= today)
            .Select(l => new { l.Id, l.PatientId, l.Day, l.Pain, l.Note, l.ExerciseId, l.CreatedAt })
            .ToListAsync(cancellationToken);
        var checkIns = await db.WeeklyCheckIns.AsNoTracking()
            .Where(c => patients.Any(p => p.Id == c.PatientId) && c.CreatedAt >= clock.StartOf(from))
            .ToListAsync(cancellationToken);
        var plans = await db.Plans.AsNoTracking()
            .Where(p => patients.Any(x => x.Id == p.PatientId) && p.Status == PlanStatus.Active)
            .Select(p => new { p.PatientId, Activated = p.ActivatedAt ?? p.CreatedAt, p.StartsOn })
            .ToListAsync(cancellationToken);
        var lastLogs = await db.SessionLogs.AsNoTracking()
            .Where(l => patients.Any(p => p.Id == l.PatientId) && l.Day <= today)
            .GroupBy(l => l.PatientId)
            .Select(g => new { PatientId = g.Key, Last = g.Max(l => l.Day) })
            .ToDictionaryAsync(g => g.PatientId, g => g.Last, cancellationToken);
        var read = (await db.FeedbackReceipts.AsNoTracking()
            .Where(r => patients.Any(p => p.Id == r.PatientId))
            .Select(r => new { r.PatientId, r.Kind, r.SourceKey })
            .ToListAsync(cancellationToken))
            .Select(r => (r.PatientId, r.Kind, r.SourceKey))
            .ToHashSet();
        bool IsRead(Guid patientId, FeedbackKind kind, string key) => read.Contains((patientId, kind, key));

        var notes = logs.Where(l => !string.IsNullOrWhiteSpace(l.Note)).ToList();
        var exercises = await lookup.ResolveAsync(notes.Select(l => l.ExerciseId).OfType<string>(), cancellationToken);
        var items = new List<FeedbackItem>();
        foreach (var log in notes)
        {
            var key = log.Id.ToString();
            items.Add(new FeedbackItem(log.PatientId, people[log.PatientId], FeedbackKind.Note, key, log.Day, log.CreatedAt, IsRead(log.PatientId, FeedbackKind.Note, key))
            {
                Note = log.Note, ExerciseId = log.ExerciseId, Pain = log.Pain,
                ExerciseTitle = log.ExerciseId is { } exerciseId ? ExerciseLibrary.Title(exerciseId, exercises) : "",
            });
        }
        foreach (var checkIn in checkIns)
        {
            var key = checkIn.Id.ToString();
            items.Add(new FeedbackItem(checkIn.PatientId, people[checkIn.PatientId], FeedbackKind.CheckIn, key, clock.DateOf(checkIn.CreatedAt), checkIn.CreatedAt, IsRead(checkIn.PatientId, FeedbackKind.CheckIn, key))
            {
                CheckIn = CheckInSummary.Of(checkIn), Note = checkIn.Note,
            });
        }
        var thisWeek = DueSchedule.WeekStart(today);
        foreach (var (patientId, name) in people)
        {
            var weeks = Enumerable.Range(0, 3).Reverse()
                .Select(back => thisWeek.AddDays(-7 * back))
                .Select(start => (start, ProgressCalculator.Average(logs.Where(l => l.PatientId == patientId && l.Day >= start && l.Day < start.AddDays(7)).Select(l => l.Pain))))
                .ToList();
            if (ProgressCalculator.PainRise(weeks) is { } rise)
            {
                var key = "pain-" + rise.WeekStart.ToString("yyyy-MM-dd");
                items.Add(new FeedbackItem(patientId, name, FeedbackKind.PainRising, key, Min(rise.WeekStart.AddDays(6), today), null, IsRead(patientId, FeedbackKind.PainRising, key)) { PainRise = rise });
            }
            if (plans.Where(p => p.PatientId == patientId).OrderByDescending(p => p.Activated).FirstOrDefault() is { } plan)
            {
                var activatedOn = clock.DateOf(plan.Activated);
                var planFrom = plan.StartsOn is { } starts && starts > activatedOn ? starts : activatedOn;
                DateOnly? lastLog = lastLogs.TryGetValue(patientId, out var last) ? last : null;
                if (ProgressCalculator.Quiet(lastLog, planFrom, today) is { } quiet)
                {
                    var key = "quiet-" + quiet.Since.ToString("yyyy-MM-dd");
                    items.Add(new FeedbackItem(patientId, name, FeedbackKind.NoActivity, key, today, null, IsRead(patientId, FeedbackKind.NoActivity, key)) { Quiet = quiet });
                }
            }
        }
        return items.OrderByDescending(i => i.Day).ThenByDescending(i => i.At).ToList();
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
