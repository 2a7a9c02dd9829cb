using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.PatientPortal;
using static RugcentrumPortal.Web.Tests.PatientPortal.PortalTestData;
using static RugcentrumPortal.TestSupport.TestPlans;

namespace RugcentrumPortal.Web.Tests.PatientPortal;

public class ProgressServiceTests(PortalOnWednesday portal) : IClassFixture<PortalOnWednesday>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<T> AsAsync<T>(string account, Func<ProgressService, Task<T>> work)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");
        await using var scope = await portal.Services.ScopeAsAsync(account);
        return await work(scope.ServiceProvider.GetRequiredService<ProgressService>());
    }

    private Task LogAsync(RecoveryPlan plan, int exercise, DateOnly day, SessionOutcome outcome, int? pain = null) => portal.WithDbAsync(db =>
    {
        db.SessionLogs.Add(new SessionLog
        {
            PatientId = plan.PatientId!.Value, PlanId = plan.Id, PlanExerciseId = plan.Exercises[exercise].Id, ExerciseId = plan.Exercises[exercise].ExerciseId,
            Day = day, Outcome = outcome, Pain = pain, SubmissionId = Guid.NewGuid(), CreatedAt = At(day),
        });
        return db.SaveChangesAsync();
    });

    [Fact]
    public async Task The_therapist_sees_the_progress_of_a_patient_of_their_practice_and_another_practice_sees_nothing()
    {
        var plan = await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, At(Monday.AddDays(-7)), Exercise("chin-tuck", perDay: 1));
        await LogAsync(plan, 0, Monday, SessionOutcome.Done, pain: 4);
        await LogAsync(plan, 0, Monday.AddDays(1), SessionOutcome.Partly, pain: 6);

        var own = await AsAsync(Baseline.NoordTherapist, s => s.ForPatientAsync(Baseline.NoordPatientId, default));
        var summary = await AsAsync(Baseline.NoordTherapist, s => s.SummaryAsync(Baseline.NoordPatientId, default));
        var otherPractice = await AsAsync(Baseline.ZuidTherapist, s => s.ForPatientAsync(Baseline.NoordPatientId, default));
        var otherSummary = await AsAsync(Baseline.ZuidTherapist, s => s.SummaryAsync(Baseline.NoordPatientId, default));

        Assert.NotNull(own);
        Assert.Equal("Piet Proef", own.PatientName);
        var thisWeek = own.Report.Weeks[^1];
        // Monday to Wednesday were due; Monday done and Tuesday partly done.
        // Monday and Tuesday were due; Wednesday is today and nothing is logged yet, so it is not due yet.
        Assert.Equal((Monday, 2.0, 1.5, 75, 5.0), (thisWeek.WeekStart, thisWeek.DueSessions, thisWeek.CreditedSessions, thisWeek.AdherencePercent!.Value, thisWeek.AveragePain!.Value));
        Assert.Equal(0, own.Report.Weeks[^2].AdherencePercent);
        Assert.Equal(Monday.AddDays(1), own.Report.LastLogDay);
        // The plan began last Monday: last week and this week, no empty weeks before it.
        Assert.Equal([Monday.AddDays(-7), Monday], own.Report.Weeks.Select(w => w.WeekStart));
        Assert.Equal(75, summary!.Weeks[^1].AdherencePercent);
        Assert.Null(otherPractice);
        Assert.Null(otherSummary);
    }

    [Fact]
    public async Task The_patient_sees_the_same_figures_for_themselves_and_nothing_of_another_patient()
    {
        var plan = await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, At(Monday.AddDays(-7)), Exercise("chin-tuck", perDay: 1));
        await LogAsync(plan, 0, Monday, SessionOutcome.Done, pain: 4);
        await TestPlans.AddAsync(portal, Baseline.ZuidPatientId, PlanStatus.Active, At(Monday), Exercise("dead-bug", perDay: 1));

        var mine = await AsAsync(Baseline.NoordPatient, s => s.MineAsync(default));
        var therapists = await AsAsync(Baseline.NoordTherapist, s => s.ForPatientAsync(Baseline.NoordPatientId, default));
        var someoneElse = await AsAsync(Baseline.NoordPatient, s => s.ForPatientAsync(Baseline.ZuidPatientId, default));

        Assert.NotNull(mine);
        Assert.Equal(therapists!.Report.Weeks.Select(w => w.AdherencePercent), mine.Weeks.Select(w => w.AdherencePercent));
        Assert.Equal(50, mine.Weeks[^1].AdherencePercent);
        Assert.Null(someoneElse);
        Assert.Null(await AsAsync(Baseline.NoordTherapist, s => s.MineAsync(default)));
    }

    [Fact]
    public async Task The_patients_own_progress_counts_what_an_older_plan_version_made_due()
    {
        var older = await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Superseded, At(Monday.AddDays(-7)), Exercise("chin-tuck", perDay: 1));
        await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, At(Monday), Exercise("bridge", perDay: 1));
        for (var day = Monday.AddDays(-7); day < Monday; day = day.AddDays(1))
        {
            await LogAsync(older, 0, day, SessionOutcome.Done);
        }

        var mine = await AsAsync(Baseline.NoordPatient, s => s.MineAsync(default));
        var therapists = await AsAsync(Baseline.NoordTherapist, s => s.ForPatientAsync(Baseline.NoordPatientId, default));

        Assert.Equal((7.0, 100), (mine!.Weeks[^2].DueSessions, mine.Weeks[^2].AdherencePercent!.Value));
        Assert.Equal(therapists!.Report.Weeks.Select(w => w.AdherencePercent), mine.Weeks.Select(w => w.AdherencePercent));
    }

    [Fact]
    public async Task The_summary_on_the_patient_page_waits_for_an_active_plan()
    {
        await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Draft, At(Monday), Exercise("chin-tuck", perDay: 1));

        Assert.Null(await AsAsync(Baseline.NoordTherapist, s => s.SummaryAsync(Baseline.NoordPatientId, default)));
    }
}
