using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.PatientPortal;
using static RugcentrumPortal.Web.Tests.PatientPortal.PortalTestData;
using static RugcentrumPortal.TestSupport.TestPlans;

namespace RugcentrumPortal.Web.Tests.PatientPortal;

/// <summary>The portal on Wednesday 11 March 2026, 12:00 in Amsterdam.</summary>
public sealed class PortalOnWednesday : PortalFactory
{
    public PortalOnWednesday() => WithClock(new DateTimeOffset(2026, 3, 11, 11, 0, 0, TimeSpan.Zero));
}

public class PatientPortalServiceTests(PortalOnWednesday portal) : IClassFixture<PortalOnWednesday>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<RecoveryPlan> OwnPlanAsync() =>
        TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, At(Monday.AddDays(-14)),
            Exercise("chin-tuck", perDay: 2, sets: 2, reps: 10, hold: 5),
            Exercise("breathing-4-6", perDay: 3, minutes: 2),
            Exercise("squat-to-chair", perWeek: 3, sets: 3, reps: 10),
            Exercise("romanian-deadlift", perWeek: 2, sets: 3, reps: 8));

    private async Task<T> AsAsync<T>(string account, Func<PatientPortalService, Task<T>> work)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");
        await using var scope = await portal.Services.ScopeAsAsync(account);
        return await work(scope.ServiceProvider.GetRequiredService<PatientPortalService>());
    }

    private Task<List<SessionLog>> LogsAsync() => portal.WithDbAsync(db => db.SessionLogs.AsNoTracking().ToListAsync());

    [Fact]
    public async Task Today_lists_the_due_exercises_and_self_care_of_the_own_active_plan()
    {
        await OwnPlanAsync();
        await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Draft, At(Monday), Exercise("bridge", perDay: 1));
        await TestPlans.AddAsync(portal, Baseline.ZuidPatientId, PlanStatus.Active, At(Monday), Exercise("dead-bug", perDay: 1));

        var today = await AsAsync(Baseline.NoordPatient, s => s.TodayAsync(default));

        Assert.NotNull(today);
        Assert.Equal(Wednesday, today.Today);
        Assert.Equal("Piet", today.Patient.FirstName);
        Assert.Equal(["Kin intrekken", "Zitten en opstaan van een stoel"], today.Exercises.Select(e => e.Title));
        Assert.Equal(["Ademhaling 4-6"], today.SelfCare.Select(e => e.Title));
        Assert.Equal(["Heupscharnier met gewicht"], today.NotToday.Select(e => e.Title));
        Assert.Equal((2, 0, false), (today.Exercises[0].TimesDue, today.Exercises[0].TimesLogged, today.Exercises[0].IsComplete));
    }

    [Fact]
    public async Task A_therapist_has_no_today_of_their_own()
    {
        await OwnPlanAsync();

        Assert.Null(await AsAsync(Baseline.NoordTherapist, s => s.TodayAsync(default)));
    }

    [Fact]
    public async Task A_double_submit_with_the_same_submission_id_logs_once_and_both_count_as_saved()
    {
        var plan = await OwnPlanAsync();
        var input = new SessionLogInput { Outcome = "Partly", Pain = "3", Difficulty = "2", Note = " Ging stroef. ", SubmissionId = Guid.NewGuid().ToString() };

        var first = await AsAsync(Baseline.NoordPatient, s => s.LogSessionAsync(plan.Exercises[0].Id, input, default));
        var second = await AsAsync(Baseline.NoordPatient, s => s.LogSessionAsync(plan.Exercises[0].Id, input, default));

        Assert.Equal(FormOutcome.Saved, first.Outcome);
        Assert.Equal(FormOutcome.Saved, second.Outcome);
        var log = Assert.Single(await LogsAsync());
        Assert.Equal((Baseline.NoordPatientId, "chin-tuck", Wednesday, SessionOutcome.Partly, 3, (int?)null, 2, "Ging stroef."),
            (log.PatientId, log.ExerciseId, log.Day, log.Outcome, log.Pain, log.Tension, log.Difficulty, log.Note));
        var today = await AsAsync(Baseline.NoordPatient, s => s.TodayAsync(default));
        var card = today!.Exercises[0];
        Assert.Equal((1, new TimeOnly(12, 0)), (card.TimesLogged, card.LastLog!.At));
    }

    [Fact]
    public async Task A_patient_cannot_log_on_another_patients_plan_exercise()
    {
        await OwnPlanAsync();
        var other = await TestPlans.AddAsync(portal, Baseline.ZuidPatientId, PlanStatus.Active, At(Monday), Exercise("chin-tuck", perDay: 1));

        var result = await AsAsync(Baseline.NoordPatient, s => s.LogDoneAsync(other.Exercises[0].Id, Guid.NewGuid().ToString(), default));
        var page = await AsAsync(Baseline.NoordPatient, s => s.ExerciseAsync(other.Exercises[0].Id, default));

        Assert.Equal(FormOutcome.NotFound, result.Outcome);
        Assert.Null(page);
        Assert.Empty(await LogsAsync());
    }

    [Fact]
    public async Task A_draft_of_the_own_plan_cannot_be_opened_or_logged()
    {
        await OwnPlanAsync();
        var draft = await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Draft, At(Monday), Exercise("bridge", perDay: 1));

        var result = await AsAsync(Baseline.NoordPatient, s => s.LogDoneAsync(draft.Exercises[0].Id, Guid.NewGuid().ToString(), default));

        Assert.Equal(FormOutcome.NotFound, result.Outcome);
        Assert.Null(await AsAsync(Baseline.NoordPatient, s => s.ExerciseAsync(draft.Exercises[0].Id, default)));
        Assert.Empty(await LogsAsync());
    }

    [Fact]
    public async Task A_log_with_values_out_of_range_gets_messages_per_field_and_saves_nothing()
    {
        var plan = await OwnPlanAsync();
        var input = new SessionLogInput { Outcome = "7", Pain = "11", Tension = "x", Difficulty = "0", SubmissionId = "" };

        var result = await AsAsync(Baseline.NoordPatient, s => s.LogSessionAsync(plan.Exercises[0].Id, input, default));

        Assert.Equal(FormOutcome.Invalid, result.Outcome);
        Assert.Equal(["Difficulty", "Outcome", "Pain", "SubmissionId", "Tension"], result.Errors.Keys.Order());
        Assert.Contains("0 tot en met 10", result.Errors["Pain"]);
        Assert.Empty(await LogsAsync());
    }

    [Fact]
    public async Task The_exercise_page_shows_the_own_dosage_and_a_timer()
    {
        var plan = await OwnPlanAsync();

        var page = await AsAsync(Baseline.NoordPatient, s => s.ExerciseAsync(plan.Exercises[0].Id, default));

        Assert.NotNull(page);
        Assert.Equal("Kin intrekken", page.Content.Title.Get());
        Assert.Equal("2 x 10 herhalingen, 5 s vasthouden, 2x per dag", page.Dosage);
        Assert.NotNull(page.Timer);
    }

    [Fact]
    public async Task The_weekly_check_in_is_kept_once_per_week_and_a_second_one_updates_it()
    {
        var first = await AsAsync(Baseline.NoordPatient, s => s.SaveCheckInAsync(new CheckInInput { LessTensionNeck = true, Nprs = "5", Note = "Eerste" }, default));
        var second = await AsAsync(Baseline.NoordPatient, s => s.SaveCheckInAsync(new CheckInInput { SmootherMovement = true, Nprs = "3" }, default));
        var view = await AsAsync(Baseline.NoordPatient, s => s.CheckInAsync(default));

        Assert.Equal((FormOutcome.Saved, FormOutcome.Saved), (first.Outcome, second.Outcome));
        var saved = Assert.Single(await portal.WithDbAsync(db => db.WeeklyCheckIns.AsNoTracking().ToListAsync()));
        Assert.Equal((Baseline.NoordPatientId, Monday, 3, false, true, (string?)null),
            (saved.PatientId, saved.WeekStart, saved.Nprs, saved.LessTensionNeck, saved.SmootherMovement, saved.Note));
        Assert.Equal(Monday, view!.WeekStart);
        Assert.Equal("3", view.Saved!.Nprs);
    }

    [Fact]
    public async Task A_check_in_without_a_pain_score_is_refused_at_its_field()
    {
        var result = await AsAsync(Baseline.NoordPatient, s => s.SaveCheckInAsync(new CheckInInput { EasierBreathing = true }, default));

        Assert.Equal(FormOutcome.Invalid, result.Outcome);
        Assert.Equal(["Nprs"], result.Errors.Keys);
        Assert.Equal(0, await portal.WithDbAsync(db => db.WeeklyCheckIns.CountAsync()));
    }
}
