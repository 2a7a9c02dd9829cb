using System.Net;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;
using static RugcentrumPortal.Web.Tests.PatientPortal.PortalTestData;
using static RugcentrumPortal.TestSupport.TestPlans;

namespace RugcentrumPortal.Web.Tests.PatientPortal;

/// <summary>The patient's pages once the therapist paused the plan or finished the treatment: said plainly, nothing to do, nothing logged.</summary>
public class PlanOnHoldTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string LogForm = "form[method=post]:has(input[name='Input.SubmissionId'])";
    private const string DoneForm = "form[method=post]:has(.btn-done)";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<RecoveryPlan> ActivePlanAsync() =>
        TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, At(Monday.AddDays(-7)), Exercise("chin-tuck", perDay: 2, sets: 2, reps: 10));

    private Task HoldAsync(Guid planId, PlanStatus status) =>
        portal.WithDbAsync(db => db.Plans.Where(p => p.Id == planId).ExecuteUpdateAsync(set => set.SetProperty(p => p.Status, status)));

    private async Task<PortalClient> PatientAsync()
    {
        var client = portal.On(Wednesday).CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);
        return client;
    }

    [Fact]
    public async Task With_a_paused_plan_today_says_the_therapist_put_it_on_hold_and_offers_no_exercises_or_print()
    {
        var plan = await ActivePlanAsync();
        await HoldAsync(plan.Id, PlanStatus.Paused);
        using var client = await PatientAsync();

        var page = await client.GetPageAsync("/mijn");

        Assert.Contains("Uw therapeut heeft uw oefenplan even stilgezet", page.Document.QuerySelector(".plan-held")!.TextContent);
        Assert.Empty(page.Document.QuerySelectorAll(".today-card, .portal-page form"));
        Assert.DoesNotContain("Kin intrekken", page.Text);
        Assert.Null(page.Document.QuerySelector("a[href='mijn/plan/afdrukken']"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/mijn/plan/afdrukken")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/mijn/plan/pdf")).StatusCode);
    }

    [Fact]
    public async Task With_a_finished_plan_today_says_the_treatment_is_complete_with_a_kind_word()
    {
        var plan = await ActivePlanAsync();
        await HoldAsync(plan.Id, PlanStatus.Finished);
        using var client = await PatientAsync();

        var page = await client.GetPageAsync("/mijn");

        var held = page.Document.QuerySelector(".plan-held")!.TextContent;
        Assert.Contains("Uw behandeling is afgerond", held);
        Assert.Contains("Wij wensen u het allerbeste", held);
        Assert.Empty(page.Document.QuerySelectorAll(".today-card"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/mijn/plan/afdrukken")).StatusCode);
    }

    [Fact]
    public async Task A_done_posted_from_a_page_opened_before_the_pause_is_refused_with_a_message_and_nothing_is_stored()
    {
        var plan = await ActivePlanAsync();
        using var client = await PatientAsync();
        var before = await client.GetPageAsync("/mijn");
        await HoldAsync(plan.Id, PlanStatus.Paused);

        var response = await client.SubmitAsync(before, DoneForm, []);
        var after = await client.FollowAsync(response);

        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Equal("Uw oefenplan staat stil. Er is niets opgeslagen.", after.Document.QuerySelector("#post-refused")!.TextContent.Trim());
        Assert.Equal(0, await portal.WithDbAsync(db => db.SessionLogs.CountAsync()));
    }

    [Fact]
    public async Task A_log_posted_from_an_exercise_page_opened_before_the_treatment_was_finished_is_refused_and_nothing_is_stored()
    {
        var plan = await ActivePlanAsync();
        using var client = await PatientAsync();
        var before = await client.GetPageAsync($"/mijn/oefening/{plan.Exercises[0].Id}");
        await HoldAsync(plan.Id, PlanStatus.Finished);

        var after = await client.FollowAsync(await client.SubmitAsync(before, LogForm, new() { ["Input.Outcome"] = "Done" }));

        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Equal("Uw behandeling is afgerond. Er is niets opgeslagen.", after.Document.QuerySelector("#post-refused")!.TextContent.Trim());
        Assert.Equal(0, await portal.WithDbAsync(db => db.SessionLogs.CountAsync()));
    }

    [Fact]
    public async Task An_exercise_of_a_paused_plan_shows_the_hold_instead_of_its_content()
    {
        var plan = await ActivePlanAsync();
        await HoldAsync(plan.Id, PlanStatus.Paused);
        using var client = await PatientAsync();

        var page = await client.GetPageAsync($"/mijn/oefening/{plan.Exercises[0].Id}");

        Assert.Contains("even stilgezet", page.Document.QuerySelector(".plan-held")!.TextContent);
        Assert.DoesNotContain("Kin intrekken", page.Text);
    }

    [Fact]
    public async Task Progress_keeps_showing_what_was_logged_before_the_pause()
    {
        var plan = await ActivePlanAsync();
        using var client = await PatientAsync();
        await client.SubmitAsync(await client.GetPageAsync("/mijn"), DoneForm, []);
        await HoldAsync(plan.Id, PlanStatus.Paused);

        var page = await client.GetPageAsync("/mijn/voortgang");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(1, await portal.WithDbAsync(db => db.SessionLogs.CountAsync()));
        Assert.Contains("Laatst ingevuld: woensdag", page.Text);
    }
}
