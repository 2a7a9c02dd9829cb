using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.PatientPortal;

public sealed record ScheduledExercise(string ExerciseId, int? TimesPerDay, int? TimesPerWeek);

/// <summary>A plan version as it applied: from its first day up to (not including) <see cref="Until"/>.</summary>
public sealed record PlanPeriod(DateOnly From, DateOnly? Until, IReadOnlyList<ScheduledExercise> Exercises)
{
    public bool Covers(DateOnly day) => day >= From && (Until is null || day < Until);
}

/// <summary>A plan version's schedule as stored: when it went live, its start date and its exercises.</summary>
public sealed record PlanVersionSchedule(DateTimeOffset Activated, DateOnly? StartsOn, IReadOnlyList<ScheduledExercise> Exercises);

public sealed record LoggedSession(string ExerciseId, DateOnly Day, SessionOutcome Outcome, int? Pain, int? Tension);

/// <summary>One Monday-to-Sunday week. <see cref="Adherence"/> is 0..1, null when nothing was due.</summary>
public sealed record WeekProgress(
    DateOnly WeekStart, double DueSessions, double CreditedSessions, int LogCount,
    double? AveragePain, double? AverageTension, CheckInSummary? CheckIn)
{
    public double? Adherence => DueSessions > 0 ? CreditedSessions / DueSessions : null;
    public int? AdherencePercent => Adherence is { } a ? (int)Math.Round(a * 100, MidpointRounding.AwayFromZero) : null;
}

public enum ProgressAlertKind
{
    /// <summary>The week's average pain is at least <see cref="ProgressCalculator.PainRiseAlert"/> points above the week before.</summary>
    PainRising,

    /// <summary>No session logged for <see cref="ProgressCalculator.QuietDaysAlert"/> days while a plan is active.</summary>
    NoRecentLogs,
}

public sealed record ProgressAlert(ProgressAlertKind Kind, double? PainBefore = null, double? PainNow = null, int? DaysQuiet = null);

public sealed record ProgressReport(IReadOnlyList<WeekProgress> Weeks, DateOnly? LastLogDay, IReadOnlyList<ProgressAlert> Alerts);

/// <summary>
/// Weekly adherence, pain and tension for a patient. Adherence = credited sessions / due sessions, where a Done log
/// counts 1 and a Partly log 0.5, and an exercise earns at most what was due (per day for daily exercises, per week
/// for exercises done a few times a week, so doing Tuesday's session on Wednesday still counts). Due sessions follow
/// <see cref="DueSchedule"/> with the plan version that was active on each day, up to and including today.
/// </summary>
public static class ProgressCalculator
{
    public const int DefaultWeeks = 8;
    public const double PainRiseAlert = 2;
    public const int QuietDaysAlert = 7;

    /// <summary>The first Monday of the report that ends with the week of <paramref name="today"/>.</summary>
    public static DateOnly FirstWeek(DateOnly today, int weeks = DefaultWeeks) => DueSchedule.WeekStart(today).AddDays(-7 * (weeks - 1));

    /// <summary>
    /// Each plan version applies from the practice day it went live (or its later start date) until the day the next
    /// one went live; <paramref name="dateOf"/> turns an activation instant into that practice day.
    /// </summary>
    public static IReadOnlyList<PlanPeriod> Periods(IEnumerable<PlanVersionSchedule> versions, Func<DateTimeOffset, DateOnly> dateOf)
    {
        var ordered = versions.OrderBy(v => v.Activated).ToList();
        var periods = new List<PlanPeriod>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var activatedOn = dateOf(ordered[i].Activated);
            var from = ordered[i].StartsOn is { } starts && starts > activatedOn ? starts : activatedOn;
            DateOnly? until = i + 1 < ordered.Count ? dateOf(ordered[i + 1].Activated) : null;
            periods.Add(new PlanPeriod(from, until, ordered[i].Exercises));
        }
        return periods;
    }

    public static ProgressReport Compute(
        IReadOnlyList<PlanPeriod> periods, IReadOnlyList<LoggedSession> logs, IReadOnlyList<CheckInSummary> checkIns,
        DateOnly? lastLogDay, DateOnly today, int weeks = DefaultWeeks)
    {
        var result = new List<WeekProgress>();
        var firstWeek = FirstWeek(today, weeks);
        // Weeks before the first plan began were never missed: they are not shown.
        if (periods.Count > 0 && DueSchedule.WeekStart(periods.Min(p => p.From)) is var planWeek && planWeek > firstWeek)
        {
            firstWeek = planWeek <= today ? planWeek : DueSchedule.WeekStart(today);
        }
        for (var start = firstWeek; start <= today; start = start.AddDays(7))
        {
            var end = start.AddDays(6) < today ? start.AddDays(6) : today;
            var weekLogs = logs.Where(l => l.Day >= start && l.Day <= end).ToList();
            var (due, credited) = Adherence(periods, weekLogs, start, end, today);
            result.Add(new WeekProgress(start, due, credited, weekLogs.Count,
                Average(weekLogs.Select(l => l.Pain)), Average(weekLogs.Select(l => l.Tension)),
                checkIns.FirstOrDefault(c => c.WeekStart == start)));
        }
        return new ProgressReport(result, lastLogDay, Alerts(result, periods, lastLogDay, today));
    }

    /// <summary>
    /// Today is not over: its sessions count as due only as far as they have been done, so the first day of a plan
    /// shows nothing missed rather than a low percentage.
    /// </summary>
    private static (double Due, double Credited) Adherence(IReadOnlyList<PlanPeriod> periods, List<LoggedSession> logs, DateOnly start, DateOnly end, DateOnly today)
    {
        var credit = logs.GroupBy(l => (l.ExerciseId, l.Day)).ToDictionary(g => g.Key, g => g.Sum(Credit));
        double due = 0, credited = 0;
        var weeklyDueBefore = new Dictionary<string, int>();
        var weeklyDueToday = new Dictionary<string, int>();
        for (var day = start; day <= end; day = day.AddDays(1))
        {
            var period = periods.LastOrDefault(p => p.Covers(day));
            if (period is null)
            {
                continue;
            }
            foreach (var exercise in period.Exercises)
            {
                var sessions = DueSchedule.SessionsOn(exercise.TimesPerDay, exercise.TimesPerWeek, day);
                if (DueSchedule.IsWeekly(exercise.TimesPerDay, exercise.TimesPerWeek))
                {
                    var tally = day < today ? weeklyDueBefore : weeklyDueToday;
                    tally[exercise.ExerciseId] = tally.GetValueOrDefault(exercise.ExerciseId) + sessions;
                    continue;
                }
                var done = Math.Min(credit.GetValueOrDefault((exercise.ExerciseId, day)), sessions);
                due += day < today ? sessions : done;
                credited += done;
            }
        }
        foreach (var exerciseId in weeklyDueBefore.Keys.Union(weeklyDueToday.Keys))
        {
            var before = weeklyDueBefore.GetValueOrDefault(exerciseId);
            var earned = credit.Where(c => c.Key.ExerciseId == exerciseId).Sum(c => c.Value);
            var doneAheadToday = Math.Min(weeklyDueToday.GetValueOrDefault(exerciseId), Math.Max(0, earned - before));
            due += before + doneAheadToday;
            credited += Math.Min(earned, before + doneAheadToday);
        }
        return (due, credited);
    }

    private static double Credit(LoggedSession log) => log.Outcome switch
    {
        SessionOutcome.Done => 1,
        SessionOutcome.Partly => 0.5,
        _ => 0,
    };

    public static double? Average(IEnumerable<int?> values)
    {
        var given = values.OfType<int>().ToList();
        return given.Count == 0 ? null : Math.Round(given.Average(), 1);
    }

    private static List<ProgressAlert> Alerts(List<WeekProgress> weeks, IReadOnlyList<PlanPeriod> periods, DateOnly? lastLogDay, DateOnly today)
    {
        var alerts = new List<ProgressAlert>();
        if (PainRise(weeks.Select(w => (w.WeekStart, w.AveragePain)).ToList()) is { } rise)
        {
            alerts.Add(new ProgressAlert(ProgressAlertKind.PainRising, PainBefore: rise.Before, PainNow: rise.Now));
        }
        if (periods.LastOrDefault(p => p.Covers(today)) is { } current && Quiet(lastLogDay, current.From, today) is { } quiet)
        {
            alerts.Add(new ProgressAlert(ProgressAlertKind.NoRecentLogs, DaysQuiet: quiet.Days));
        }
        return alerts;
    }

    /// <summary>
    /// A rise of the weekly average pain by <see cref="PainRiseAlert"/> or more into the latest week with pain scores,
    /// if that is this week or last week (an older rise has been seen already). Weeks in order, the last one current.
    /// </summary>
    public static PainRiseFound? PainRise(IReadOnlyList<(DateOnly WeekStart, double? AveragePain)> weeks)
    {
        for (var i = weeks.Count - 1; i >= Math.Max(1, weeks.Count - 2); i--)
        {
            if (weeks[i].AveragePain is not { } now)
            {
                continue;
            }
            return weeks[i - 1].AveragePain is { } before && now - before >= PainRiseAlert
                ? new PainRiseFound(weeks[i].WeekStart, before, now)
                : null;
        }
        return null;
    }

    /// <summary>
    /// <see cref="QuietDaysAlert"/> days or more without a logged session since the later of the last log and the
    /// day the current plan began; null when the patient is active or has no plan.
    /// </summary>
    public static QuietSpell? Quiet(DateOnly? lastLogDay, DateOnly planFrom, DateOnly today)
    {
        var since = lastLogDay is { } last && last >= planFrom ? last : planFrom;
        var days = today.DayNumber - since.DayNumber;
        return days >= QuietDaysAlert ? new QuietSpell(since, days) : null;
    }
}

/// <summary>The week whose average pain rose, from what to what.</summary>
public sealed record PainRiseFound(DateOnly WeekStart, double Before, double Now);

/// <summary>A spell without logged sessions: since which day, and how many days so far.</summary>
public sealed record QuietSpell(DateOnly Since, int Days);
