using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.PatientPortal;

namespace RugcentrumPortal.Web.Tests.PatientPortal;

public class ProgressCalculatorTests
{
    private static readonly DateOnly Today = new(2026, 3, 11); // Wednesday
    private static readonly DateOnly WeekA = new(2026, 2, 23);
    private static readonly DateOnly WeekB = new(2026, 3, 2);
    private static readonly DateOnly WeekC = new(2026, 3, 9);

    private static readonly PlanPeriod Plan = new(WeekA, null,
    [
        new ScheduledExercise("chin-tuck", TimesPerDay: 2, TimesPerWeek: null),
        new ScheduledExercise("squat-to-chair", TimesPerDay: null, TimesPerWeek: 3),
    ]);

    private static LoggedSession Chin(DateOnly day, SessionOutcome outcome = SessionOutcome.Done, int? pain = null, int? tension = null) =>
        new("chin-tuck", day, outcome, pain, tension);

    private static LoggedSession Squat(DateOnly day, SessionOutcome outcome = SessionOutcome.Done, int? pain = null) =>
        new("squat-to-chair", day, outcome, pain, null);

    private static List<LoggedSession> ThreeWeeks()
    {
        var logs = new List<LoggedSession>
        {
            // Week A: chin-tuck Mon 2, Tue 1 + half, Wed 3 (capped at 2), Fri skipped, Sat 2 = 7.5 of 14;
            // squats on Tue and Thu instead of Mon/Wed/Fri still count: 2 of 3.
            Chin(WeekA, pain: 2, tension: 5), Chin(WeekA, pain: 4),
            Chin(WeekA.AddDays(1), pain: 3), Chin(WeekA.AddDays(1), SessionOutcome.Partly),
            Chin(WeekA.AddDays(2)), Chin(WeekA.AddDays(2)), Chin(WeekA.AddDays(2)),
            Chin(WeekA.AddDays(4), SessionOutcome.Skipped),
            Chin(WeekA.AddDays(5)), Chin(WeekA.AddDays(5)),
            Squat(WeekA.AddDays(1)), Squat(WeekA.AddDays(3)),
            // Week C (Mon-Wed so far): chin-tuck half of 6, squat Monday 1 of 2.
            Chin(WeekC, SessionOutcome.Partly, pain: 6), Squat(WeekC),
        };
        // Week B: everything, and one squat too many.
        for (var d = 0; d < 7; d++)
        {
            logs.Add(Chin(WeekB.AddDays(d), pain: d == 0 ? 2 : d == 3 ? 4 : null));
            logs.Add(Chin(WeekB.AddDays(d)));
        }
        logs.AddRange([Squat(WeekB), Squat(WeekB.AddDays(2)), Squat(WeekB.AddDays(4)), Squat(WeekB.AddDays(5))]);
        return logs;
    }

    [Fact]
    public void Adherence_counts_partly_as_half_and_caps_each_exercise_at_what_was_due()
    {
        var report = ProgressCalculator.Compute([Plan], ThreeWeeks(), [], WeekC, Today);

        Assert.Equal(3, report.Weeks.Count);
        var (a, b, c) = (report.Weeks[^3], report.Weeks[^2], report.Weeks[^1]);
        Assert.Equal((WeekA, 17.0, 9.5), (a.WeekStart, a.DueSessions, a.CreditedSessions));
        Assert.Equal(56, a.AdherencePercent);
        Assert.Equal((17.0, 17.0, 100), (b.DueSessions, b.CreditedSessions, b.AdherencePercent));
        // Week C so far: chin tucks Mon-Tue (4, half done) and Monday's squat (done); today's sessions are not due
        // until they are done, as the day is not over.
        Assert.Equal((5.0, 1.5, 30), (c.DueSessions, c.CreditedSessions, c.AdherencePercent));
    }

    [Fact]
    public void Pain_and_tension_are_weekly_averages_of_the_scores_given()
    {
        var report = ProgressCalculator.Compute([Plan], ThreeWeeks(), [], WeekC, Today);

        Assert.Equal((3.0, 5.0), (report.Weeks[^3].AveragePain, report.Weeks[^3].AverageTension));
        Assert.Equal((3.0, (double?)null), (report.Weeks[^2].AveragePain, report.Weeks[^2].AverageTension));
        Assert.Equal(6.0, report.Weeks[^1].AveragePain);
    }

    [Fact]
    public void Pain_up_by_two_points_on_last_week_raises_an_alert()
    {
        var report = ProgressCalculator.Compute([Plan], ThreeWeeks(), [], WeekC, Today);

        var alert = Assert.Single(report.Alerts);
        Assert.Equal((ProgressAlertKind.PainRising, 3.0, 6.0), (alert.Kind, alert.PainBefore, alert.PainNow));
    }

    [Fact]
    public void Pain_up_by_less_than_two_points_raises_no_alert()
    {
        var logs = new List<LoggedSession> { Chin(WeekB, pain: 3), Chin(WeekC, pain: 4), Chin(WeekC.AddDays(1), pain: 5) };

        var report = ProgressCalculator.Compute([Plan], logs, [], WeekC.AddDays(1), Today);

        Assert.Equal(4.5, report.Weeks[^1].AveragePain);
        Assert.Empty(report.Alerts);
    }

    [Theory]
    [InlineData(7, true)]
    [InlineData(6, false)]
    public void No_log_for_seven_days_raises_an_alert(int daysAgo, bool expected)
    {
        var last = Today.AddDays(-daysAgo);

        var report = ProgressCalculator.Compute([Plan], [Chin(last)], [], last, Today);

        Assert.Equal(expected, report.Alerts.Any(a => a.Kind == ProgressAlertKind.NoRecentLogs && a.DaysQuiet == daysAgo));
    }

    [Fact]
    public void A_new_plan_without_logs_is_not_quiet_until_it_is_a_week_old()
    {
        var fresh = Plan with { From = Today.AddDays(-3) };

        Assert.Empty(ProgressCalculator.Compute([fresh], [], [], null, Today).Alerts);
        Assert.Contains(ProgressCalculator.Compute([Plan], [], [], null, Today).Alerts, a => a.Kind == ProgressAlertKind.NoRecentLogs);
    }

    [Fact]
    public void Each_day_counts_against_the_plan_version_active_that_day()
    {
        var first = new PlanPeriod(WeekB, WeekB.AddDays(3), [new ScheduledExercise("chin-tuck", 1, null)]);
        var second = new PlanPeriod(WeekB.AddDays(3), null, [new ScheduledExercise("bridge", 2, null)]);

        var week = ProgressCalculator.Compute([first, second], [Chin(WeekB), Chin(WeekB.AddDays(4))], [], WeekB.AddDays(4), WeekB.AddDays(6)).Weeks[^1];

        // Mon-Wed one chin tuck a day (3), Thu-Sat two bridges a day (6), and Sunday is today with nothing done yet;
        // the chin tuck on Friday was no longer planned.
        Assert.Equal((9.0, 1.0), (week.DueSessions, week.CreditedSessions));
    }

    [Fact]
    public void Weeks_before_the_plan_began_are_not_shown_as_missed()
    {
        var report = ProgressCalculator.Compute([Plan with { From = WeekB.AddDays(3) }], [], [], null, Today);

        Assert.Equal([WeekB, WeekC], report.Weeks.Select(w => w.WeekStart));
        // Thursday to Sunday: two chin tucks a day and the squats due on those days.
        Assert.Equal(4.0 * 2 + 1, report.Weeks[0].DueSessions);
    }

    [Fact]
    public void On_the_first_day_of_a_plan_nothing_counts_as_missed_yet()
    {
        var untouched = ProgressCalculator.Compute([Plan with { From = Today }], [], [], null, Today).Weeks.Single();
        var oneDone = ProgressCalculator.Compute([Plan with { From = Today }], [Chin(Today)], [], Today, Today).Weeks.Single();

        Assert.Null(untouched.AdherencePercent);
        Assert.Equal(100, oneDone.AdherencePercent);
    }
}
