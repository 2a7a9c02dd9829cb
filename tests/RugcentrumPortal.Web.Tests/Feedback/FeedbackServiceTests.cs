using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Feedback;
using RugcentrumPortal.Web.Tests.PatientPortal;
using static RugcentrumPortal.TestSupport.TestPlans;

namespace RugcentrumPortal.Web.Tests.Feedback;

/// <summary>The portal on Wednesday 11 March 2026, noon in Amsterdam.</summary>
public sealed class FeedbackPortal : PortalFactory
{
    public static readonly DateOnly Today = new(2026, 3, 11);
    public static readonly DateOnly ThisMonday = new(2026, 3, 9);

    public FeedbackPortal() => WithClock(new DateTimeOffset(2026, 3, 11, 11, 0, 0, TimeSpan.Zero));
}

public class FeedbackServiceTests(FeedbackPortal portal) : IClassFixture<FeedbackPortal>, IAsyncLifetime
{
    private static readonly DateOnly Today = FeedbackPortal.Today;
    private static readonly DateOnly ThisMonday = FeedbackPortal.ThisMonday;

    public async Task InitializeAsync()
    {
        await portal.ResetAsync();
        await portal.WithDbAsync(db => db.FeedbackReceipts.ExecuteDeleteAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_note_with_a_log_reaches_the_patients_own_therapist_with_the_exercise_and_the_pain()
    {
        var plan = await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, PortalTestData.At(Today.AddDays(-20)), Exercise("chin-tuck", perDay: 1));
        await LogAsync(plan, Today.AddDays(-1), pain: 5, note: "Na de oefening tintelingen in mijn hand");
        await LogAsync(plan, Today, pain: 3);

        var items = await AsAsync(Baseline.NoordTherapist, s => s.OverviewAsync(FeedbackScope.MyPatients, unreadOnly: true, default));

        var note = Assert.Single(items, i => i.Kind == FeedbackKind.Note);
        Assert.Equal("Na de oefening tintelingen in mijn hand", note.Note);
        Assert.Equal("chin-tuck", note.ExerciseId);
        Assert.Equal(5, note.Pain);
        Assert.Equal("Piet Proef", note.PatientName);
        Assert.False(note.IsRead);
    }

    [Fact]
    public async Task Another_practice_never_sees_the_notes_and_a_colleague_sees_them_only_for_the_whole_practice()
    {
        var plan = await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, PortalTestData.At(Today.AddDays(-20)), Exercise("chin-tuck", perDay: 1));
        await LogAsync(plan, Today, pain: 2, note: "Gaat goed");

        var zuid = await AsAsync(Baseline.ZuidTherapist, s => s.OverviewAsync(FeedbackScope.WholePractice, unreadOnly: false, default));
        var colleagueOwn = await AsAsync(Baseline.NoordSecondTherapist, s => s.OverviewAsync(FeedbackScope.MyPatients, unreadOnly: false, default));
        var colleaguePractice = await AsAsync(Baseline.NoordSecondTherapist, s => s.OverviewAsync(FeedbackScope.WholePractice, unreadOnly: false, default));

        Assert.DoesNotContain(zuid, i => i.PatientId == Baseline.NoordPatientId);
        Assert.DoesNotContain(colleagueOwn, i => i.PatientId == Baseline.NoordPatientId);
        Assert.Contains(colleaguePractice, i => i.Kind == FeedbackKind.Note && i.Note == "Gaat goed");
    }

    [Fact]
    public async Task A_weekly_check_in_arrives_with_its_pain_score_signs_and_words()
    {
        await portal.WithDbAsync(db =>
        {
            db.WeeklyCheckIns.Add(new WeeklyCheckIn
            {
                PatientId = Baseline.NoordPatientId, WeekStart = ThisMonday, Nprs = 4, SmootherMovement = true, Note = "Trap lopen lukt weer",
                CreatedAt = PortalTestData.At(Today, hour: 8),
            });
            return db.SaveChangesAsync();
        });

        var items = await AsAsync(Baseline.NoordTherapist, s => s.ForPatientAsync(Baseline.NoordPatientId, default));

        var checkIn = Assert.Single(items, i => i.Kind == FeedbackKind.CheckIn);
        Assert.Equal(4, checkIn.CheckIn!.Nprs);
        Assert.Equal(["Portal.CheckIn.SmootherMovement"], checkIn.CheckIn.SignalKeys);
        Assert.Equal("Trap lopen lukt weer", checkIn.Note);
    }

    [Theory]
    [InlineData(3, 5, true)]
    [InlineData(3, 4, false)]
    public async Task Pain_rising_by_two_points_within_a_week_is_a_signal_and_one_point_is_not(int lastWeek, int thisWeek, bool signal)
    {
        var plan = await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, PortalTestData.At(Today.AddDays(-20)), Exercise("chin-tuck", perDay: 1));
        await LogAsync(plan, ThisMonday.AddDays(-3), pain: lastWeek);
        await LogAsync(plan, Today, pain: thisWeek);

        var items = await AsAsync(Baseline.NoordTherapist, s => s.ForPatientAsync(Baseline.NoordPatientId, default));

        Assert.Equal(signal, items.Any(i => i.Kind == FeedbackKind.PainRising));
        if (signal)
        {
            var rise = items.Single(i => i.Kind == FeedbackKind.PainRising).PainRise!;
            Assert.Equal((3, 5), (rise.Before, rise.Now));
        }
    }

    [Fact]
    public async Task A_week_without_activity_while_a_plan_runs_is_a_signal_but_the_days_before_the_plan_are_not()
    {
        var running = await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, PortalTestData.At(Today.AddDays(-20)), Exercise("chin-tuck", perDay: 1));
        await LogAsync(running, Today.AddDays(-9), pain: 2);
        await TestPlans.AddAsync(portal, Baseline.NoordOtherPatientId, PlanStatus.Active, PortalTestData.At(Today.AddDays(-3)), Exercise("chin-tuck", perDay: 1));

        var items = await AsAsync(Baseline.NoordTherapist, s => s.OverviewAsync(FeedbackScope.WholePractice, unreadOnly: true, default));

        var quiet = Assert.Single(items, i => i.Kind == FeedbackKind.NoActivity);
        Assert.Equal(Baseline.NoordPatientId, quiet.PatientId);
        Assert.Equal(9, quiet.Quiet!.Days);
        Assert.Equal(Today.AddDays(-9), quiet.Quiet.Since);
    }

    [Fact]
    public async Task A_signal_marked_read_leaves_the_unread_list_stays_in_the_full_list_and_a_second_mark_keeps_one_receipt()
    {
        var plan = await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, PortalTestData.At(Today.AddDays(-20)), Exercise("chin-tuck", perDay: 1));
        await LogAsync(plan, Today, pain: 2, note: "Eerste notitie");
        await LogAsync(plan, Today, pain: 2, note: "Tweede notitie");
        var first = (await AsAsync(Baseline.NoordTherapist, s => s.ForPatientAsync(Baseline.NoordPatientId, default))).Single(i => i.Note == "Eerste notitie");

        Assert.True(await AsAsync(Baseline.NoordTherapist, s => s.MarkReadAsync(first.PatientId, first.Kind, first.Key, default)));
        Assert.True(await AsAsync(Baseline.NoordSecondTherapist, s => s.MarkReadAsync(first.PatientId, first.Kind, first.Key, default)));

        var unread = await AsAsync(Baseline.NoordTherapist, s => s.OverviewAsync(FeedbackScope.MyPatients, unreadOnly: true, default));
        var all = await AsAsync(Baseline.NoordTherapist, s => s.OverviewAsync(FeedbackScope.MyPatients, unreadOnly: false, default));
        Assert.Equal(["Tweede notitie"], unread.Where(i => i.Kind == FeedbackKind.Note).Select(i => i.Note));
        Assert.True(all.Single(i => i.Note == "Eerste notitie").IsRead);
        Assert.Equal(1, await portal.WithDbAsync(db => db.FeedbackReceipts.CountAsync()));
    }

    [Fact]
    public async Task Another_practice_cannot_mark_a_patients_signal_read()
    {
        var plan = await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, PortalTestData.At(Today.AddDays(-20)), Exercise("chin-tuck", perDay: 1));
        var log = await LogAsync(plan, Today, pain: 2, note: "Alleen voor Noord");

        var marked = await AsAsync(Baseline.ZuidTherapist, s => s.MarkReadAsync(Baseline.NoordPatientId, FeedbackKind.Note, log.ToString(), default));

        Assert.False(marked);
        Assert.Equal(0, await portal.WithDbAsync(db => db.FeedbackReceipts.CountAsync()));
    }

    [Fact]
    public async Task A_patient_who_stopped_logging_before_the_four_weeks_is_quiet_since_their_last_log()
    {
        var plan = await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, PortalTestData.At(Today.AddDays(-90)), Exercise("chin-tuck", perDay: 1));
        await LogAsync(plan, Today.AddDays(-60), pain: 2);
        await LogAsync(plan, Today.AddDays(-40), pain: 2);

        var items = await AsAsync(Baseline.NoordTherapist, s => s.ForPatientAsync(Baseline.NoordPatientId, default));

        var quiet = Assert.Single(items, i => i.Kind == FeedbackKind.NoActivity).Quiet!;
        Assert.Equal((Today.AddDays(-40), 40), (quiet.Since, quiet.Days));
    }

    [Fact]
    public async Task A_log_from_before_the_plan_began_does_not_count_and_six_quiet_days_are_no_signal_yet()
    {
        var earlier = await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, PortalTestData.At(Today.AddDays(-10)), Exercise("chin-tuck", perDay: 1));
        await LogAsync(earlier, Today.AddDays(-12), pain: 2);
        var recent = await TestPlans.AddAsync(portal, Baseline.NoordOtherPatientId, PlanStatus.Active, PortalTestData.At(Today.AddDays(-20)), Exercise("chin-tuck", perDay: 1));
        await LogAsync(recent, Today.AddDays(-6), pain: 2);

        var items = await AsAsync(Baseline.NoordTherapist, s => s.OverviewAsync(FeedbackScope.WholePractice, unreadOnly: false, default));

        var quiet = Assert.Single(items, i => i.Kind == FeedbackKind.NoActivity);
        Assert.Equal(Baseline.NoordPatientId, quiet.PatientId);
        Assert.Equal((Today.AddDays(-10), 10), (quiet.Quiet!.Since, quiet.Quiet.Days));
    }

    [Fact]
    public async Task Pain_on_a_monday_counts_for_the_week_it_begins_and_pain_on_the_sunday_before_for_the_week_before()
    {
        var plan = await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, PortalTestData.At(Today.AddDays(-30)), Exercise("chin-tuck", perDay: 1));
        await LogAsync(plan, ThisMonday.AddDays(-8), pain: 9);
        await LogAsync(plan, ThisMonday.AddDays(-7), pain: 3);
        await LogAsync(plan, ThisMonday.AddDays(-1), pain: 3);
        await LogAsync(plan, ThisMonday, pain: 5);

        var items = await AsAsync(Baseline.NoordTherapist, s => s.ForPatientAsync(Baseline.NoordPatientId, default));

        var rising = Assert.Single(items, i => i.Kind == FeedbackKind.PainRising);
        Assert.Equal((ThisMonday, 3.0, 5.0), (rising.PainRise!.WeekStart, rising.PainRise.Before, rising.PainRise.Now));
        Assert.Equal("pain-" + ThisMonday.ToString("yyyy-MM-dd"), rising.Key);
    }

    [Fact]
    public async Task Logs_without_a_pain_score_do_not_pull_a_weeks_average_down()
    {
        var plan = await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, PortalTestData.At(Today.AddDays(-20)), Exercise("chin-tuck", perDay: 1));
        await LogAsync(plan, ThisMonday.AddDays(-3), pain: 3);
        await LogAsync(plan, ThisMonday, pain: 5);
        await LogAsync(plan, Today, pain: null);

        var items = await AsAsync(Baseline.NoordTherapist, s => s.ForPatientAsync(Baseline.NoordPatientId, default));

        Assert.Equal(5.0, Assert.Single(items, i => i.Kind == FeedbackKind.PainRising).PainRise!.Now);
    }

    [Fact]
    public async Task Last_weeks_rise_still_shows_when_this_week_has_no_pain_scores_yet()
    {
        var plan = await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, PortalTestData.At(Today.AddDays(-30)), Exercise("chin-tuck", perDay: 1));
        await LogAsync(plan, ThisMonday.AddDays(-10), pain: 2);
        await LogAsync(plan, ThisMonday.AddDays(-3), pain: 4);
        await LogAsync(plan, ThisMonday.AddDays(-2), pain: 5);
        await LogAsync(plan, Today, pain: null);

        var items = await AsAsync(Baseline.NoordTherapist, s => s.ForPatientAsync(Baseline.NoordPatientId, default));

        var rising = Assert.Single(items, i => i.Kind == FeedbackKind.PainRising);
        Assert.Equal((ThisMonday.AddDays(-7), 2.0, 4.5), (rising.PainRise!.WeekStart, rising.PainRise.Before, rising.PainRise.Now));
        Assert.Equal(ThisMonday.AddDays(-1), rising.Day);
    }

    [Fact]
    public async Task Another_practices_rising_pain_and_quiet_spell_never_reach_this_practice()
    {
        var plan = await TestPlans.AddAsync(portal, Baseline.ZuidPatientId, PlanStatus.Active, PortalTestData.At(Today.AddDays(-30)), Exercise("chin-tuck", perDay: 1));
        await LogAsync(plan, ThisMonday.AddDays(-10), pain: 1, note: "Alleen voor Zuid");
        await LogAsync(plan, ThisMonday.AddDays(-7), pain: 8);

        var noord = await AsAsync(Baseline.NoordTherapist, s => s.OverviewAsync(FeedbackScope.WholePractice, unreadOnly: false, default));
        var noordForZuidPatient = await AsAsync(Baseline.NoordTherapist, s => s.ForPatientAsync(Baseline.ZuidPatientId, default));
        var zuid = await AsAsync(Baseline.ZuidTherapist, s => s.OverviewAsync(FeedbackScope.WholePractice, unreadOnly: false, default));

        Assert.DoesNotContain(noord, i => i.PatientId == Baseline.ZuidPatientId);
        Assert.Empty(noordForZuidPatient);
        Assert.Equal([FeedbackKind.Note, FeedbackKind.PainRising, FeedbackKind.NoActivity],
            zuid.Where(i => i.PatientId == Baseline.ZuidPatientId).Select(i => i.Kind).Order());
    }

    [Fact]
    public async Task A_note_of_only_spaces_is_no_signal_and_a_note_older_than_four_weeks_is_not_shown()
    {
        var plan = await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, PortalTestData.At(Today.AddDays(-40)), Exercise("chin-tuck", perDay: 1));
        await LogAsync(plan, Today, pain: 2, note: "   ");
        await LogAsync(plan, Today.AddDays(-FeedbackService.WindowDays), pain: 2, note: "Vier weken geleden");
        await LogAsync(plan, Today.AddDays(-FeedbackService.WindowDays - 1), pain: 2, note: "Te lang geleden");

        var items = await AsAsync(Baseline.NoordTherapist, s => s.ForPatientAsync(Baseline.NoordPatientId, default));

        Assert.Equal(["Vier weken geleden"], items.Where(i => i.Kind == FeedbackKind.Note).Select(i => i.Note));
    }

    [Fact]
    public async Task A_quiet_spell_marked_read_stays_read_while_it_lasts()
    {
        var plan = await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, PortalTestData.At(Today.AddDays(-60)), Exercise("chin-tuck", perDay: 1));
        await LogAsync(plan, Today.AddDays(-45), pain: 2);
        var quiet = (await AsAsync(Baseline.NoordTherapist, s => s.ForPatientAsync(Baseline.NoordPatientId, default))).Single(i => i.Kind == FeedbackKind.NoActivity);

        Assert.True(await AsAsync(Baseline.NoordTherapist, s => s.MarkReadAsync(quiet.PatientId, quiet.Kind, quiet.Key, default)));

        var unread = await AsAsync(Baseline.NoordTherapist, s => s.OverviewAsync(FeedbackScope.MyPatients, unreadOnly: true, default));
        var all = await AsAsync(Baseline.NoordTherapist, s => s.OverviewAsync(FeedbackScope.MyPatients, unreadOnly: false, default));
        Assert.DoesNotContain(unread, i => i.Kind == FeedbackKind.NoActivity);
        Assert.True(all.Single(i => i.Kind == FeedbackKind.NoActivity).IsRead);
    }

    private async Task<T> AsAsync<T>(string account, Func<FeedbackService, Task<T>> work)
    {
        await using var scope = await portal.Services.ScopeAsAsync(account);
        return await work(scope.ServiceProvider.GetRequiredService<FeedbackService>());
    }

    private Task<Guid> LogAsync(RecoveryPlan plan, DateOnly day, int? pain, string? note = null) => portal.WithDbAsync(async db =>
    {
        var log = new SessionLog
        {
            PatientId = plan.PatientId!.Value, PlanId = plan.Id, PlanExerciseId = plan.Exercises[0].Id, ExerciseId = plan.Exercises[0].ExerciseId,
            Day = day, Outcome = SessionOutcome.Done, Pain = pain, Note = note, SubmissionId = Guid.NewGuid(), CreatedAt = PortalTestData.At(day, hour: 10),
        };
        db.SessionLogs.Add(log);
        await db.SaveChangesAsync();
        return log.Id;
    });
}
