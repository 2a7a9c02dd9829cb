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

    /// <summary>
    /// The database answers per patient what the rules need (a few sums and the last log day), so the work grows with
    /// the patients in view, not with their logs: at 1,000 patients reading the logs themselves took most of a second.
    /// </summary>
    private async Task<IReadOnlyList<FeedbackItem>> SignalsAsync(AppDbContext db, IQueryable<Patient> patients, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var people = await patients.AsNoTracking()
            .Select(p => new { p.Id, Name = p.FirstName + " " + p.LastName })
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        if (people.Count == 0)
        {
            return [];
        }
        var items = new List<FeedbackItem>();
        items.AddRange(await NotesAsync(db, patients, people, cancellationToken));
        items.AddRange(await CheckInsAsync(db, patients, people, cancellationToken));
        var thisWeek = DueSchedule.WeekStart(today);
        var weekStarts = Enumerable.Range(0, 3).Reverse().Select(back => thisWeek.AddDays(-7 * back)).ToList();
        var painAverages = await PainAveragesAsync(db, patients, weekStarts, cancellationToken);
        var plans = await PlansAsync(db, patients, cancellationToken);
        foreach (var (patientId, name) in people)
        {
            var weeks = weekStarts
                .Select((start, week) => (start, painAverages.TryGetValue((patientId, week), out var average) ? average : (double?)null))
                .ToList();
            if (ProgressCalculator.PainRise(weeks) is { } rise)
            {
                var key = "pain-" + rise.WeekStart.ToString("yyyy-MM-dd");
                items.Add(new FeedbackItem(patientId, name, FeedbackKind.PainRising, key, Min(rise.WeekStart.AddDays(6), today), null, false) { PainRise = rise });
            }
            if (plans.TryGetValue(patientId, out var plan))
            {
                var activatedOn = clock.DateOf(plan.Activated);
                var planFrom = plan.StartsOn is { } starts && starts > activatedOn ? starts : activatedOn;
                if (ProgressCalculator.Quiet(plan.LastLog, planFrom, today) is { } quiet)
                {
                    var key = "quiet-" + quiet.Since.ToString("yyyy-MM-dd");
                    items.Add(new FeedbackItem(patientId, name, FeedbackKind.NoActivity, key, today, null, false) { Quiet = quiet });
                }
            }
        }
        var read = await ReadAsync(db, patients, items, cancellationToken);
        return items
            .Select(i => read.Contains((i.PatientId, i.Kind, i.Key)) ? i with { IsRead = true } : i)
            .OrderByDescending(i => i.Day).ThenByDescending(i => i.At)
            .ToList();
    }

    private async Task<List<FeedbackItem>> NotesAsync(AppDbContext db, IQueryable<Patient> patients, Dictionary<Guid, string> people, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var from = today.AddDays(-WindowDays);
        // "Note != null" is the condition of the partial index of logs with a note, which lets the database use it.
        var notes = (await db.SessionLogs.AsNoTracking()
            .Where(l => patients.Any(p => p.Id == l.PatientId) && l.Day >= from && l.Day <= today && l.Note != null && l.Note != "")
            .Select(l => new { l.Id, l.PatientId, l.Day, l.Pain, l.Note, l.ExerciseId, l.CreatedAt })
            .ToListAsync(cancellationToken))
            .Where(l => !string.IsNullOrWhiteSpace(l.Note))
            .ToList();
        var exercises = await lookup.ResolveAsync(notes.Select(l => l.ExerciseId).OfType<string>(), cancellationToken);
        return [.. notes.Select(log => new FeedbackItem(log.PatientId, people[log.PatientId], FeedbackKind.Note, log.Id.ToString(), log.Day, log.CreatedAt, false)
        {
            Note = log.Note, ExerciseId = log.ExerciseId, Pain = log.Pain,
            ExerciseTitle = log.ExerciseId is { } exerciseId ? ExerciseLibrary.Title(exerciseId, exercises) : "",
        })];
    }

    private async Task<List<FeedbackItem>> CheckInsAsync(AppDbContext db, IQueryable<Patient> patients, Dictionary<Guid, string> people, CancellationToken cancellationToken)
    {
        var since = clock.StartOf(clock.Today.AddDays(-WindowDays));
        var checkIns = await db.WeeklyCheckIns.AsNoTracking()
            .Where(c => patients.Any(p => p.Id == c.PatientId) && c.CreatedAt >= since)
            .ToListAsync(cancellationToken);
        return [.. checkIns.Select(checkIn => new FeedbackItem(checkIn.PatientId, people[checkIn.PatientId], FeedbackKind.CheckIn, checkIn.Id.ToString(), clock.DateOf(checkIn.CreatedAt), checkIn.CreatedAt, false)
        {
            CheckIn = CheckInSummary.Of(checkIn), Note = checkIn.Note,
        })];
    }

    /// <summary>
    /// Per patient and week (0, 1, 2 for the weeks starting on <paramref name="weekStarts"/>, this week last) the
    /// average of the pain scores up to today, rounded as <see cref="ProgressCalculator.Average"/> rounds it.
    /// </summary>
    private async Task<Dictionary<(Guid PatientId, int Week), double>> PainAveragesAsync(
        AppDbContext db, IQueryable<Patient> patients, IReadOnlyList<DateOnly> weekStarts, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var (first, second, third) = (weekStarts[0], weekStarts[1], weekStarts[2]);
        var sums = await db.SessionLogs.AsNoTracking()
            .Where(l => patients.Any(p => p.Id == l.PatientId) && l.Day >= first && l.Day <= today && l.Pain != null)
            .GroupBy(l => new { l.PatientId, Week = l.Day >= third ? 2 : l.Day >= second ? 1 : 0 })
            .Select(g => new { g.Key.PatientId, g.Key.Week, Total = g.Sum(l => l.Pain!.Value), Count = g.Count() })
            .ToListAsync(cancellationToken);
        return sums.ToDictionary(s => (s.PatientId, s.Week), s => Math.Round((double)s.Total / s.Count, 1));
    }

    private sealed record ActivePlan(DateTimeOffset Activated, DateOnly? StartsOn, DateOnly? LastLog);

    /// <summary>Per patient the active plan that went live last, with the patient's last log day up to today.</summary>
    private async Task<Dictionary<Guid, ActivePlan>> PlansAsync(AppDbContext db, IQueryable<Patient> patients, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var plans = await db.Plans.AsNoTracking()
            .Where(p => patients.Any(x => x.Id == p.PatientId) && p.Status == PlanStatus.Active)
            .Select(p => new
            {
                PatientId = p.PatientId!.Value,
                Activated = p.ActivatedAt ?? p.CreatedAt,
                p.StartsOn,
                // The newest log alone, read backwards from the (patient, day) index, however long the history.
                LastLog = db.SessionLogs.Where(l => l.PatientId == p.PatientId && l.Day <= today)
                    .OrderByDescending(l => l.Day).Select(l => (DateOnly?)l.Day).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return plans.GroupBy(p => p.PatientId).ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Activated)
            .Select(p => new ActivePlan(p.Activated, p.StartsOn, p.LastLog)).First());
    }

    /// <summary>Which of these signals have been marked read: only their own receipts are read, not every one ever made.</summary>
    private static async Task<HashSet<(Guid, FeedbackKind, string)>> ReadAsync(AppDbContext db, IQueryable<Patient> patients, List<FeedbackItem> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return [];
        }
        var keys = items.Select(i => i.Key).Distinct().ToList();
        return (await db.FeedbackReceipts.AsNoTracking()
            .Where(r => patients.Any(p => p.Id == r.PatientId) && keys.Contains(r.SourceKey))
            .Select(r => new { r.PatientId, r.Kind, r.SourceKey })
            .ToListAsync(cancellationToken))
            .Select(r => (r.PatientId, r.Kind, r.SourceKey))
            .ToHashSet();
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
