using System.Net;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;
using static RugcentrumPortal.Web.Tests.PatientPortal.PortalTestData;
using static RugcentrumPortal.TestSupport.TestPlans;

namespace RugcentrumPortal.Web.Tests.PatientPortal;

public class TodayTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task SeedPlansAsync()
    {
        await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, At(Monday.AddDays(-14)),
            Exercise("chin-tuck", perDay: 2, sets: 2, reps: 10, hold: 5),
            Exercise("breathing-4-6", perDay: 3, minutes: 2),
            Exercise("squat-to-chair", perWeek: 3, sets: 3, reps: 10),
            Exercise("romanian-deadlift", perWeek: 2, sets: 3, reps: 8));
        await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Draft, At(Monday.AddDays(-1)), Exercise("bridge", perDay: 1));
        await TestPlans.AddAsync(portal, Baseline.ZuidPatientId, PlanStatus.Active, At(Monday.AddDays(-14)), Exercise("dead-bug", perDay: 1));
    }

    private static List<string> CardTitles(Page page, string listHeading) =>
        page.Document.QuerySelectorAll("h3").Single(h => h.TextContent.Trim() == listHeading)
            .NextElementSibling!.QuerySelectorAll(".today-card h4").Select(h => h.TextContent.Trim()).ToList();

    [Fact]
    public async Task Today_shows_the_due_exercises_of_the_active_plan_by_the_weekday_rule()
    {
        await SeedPlansAsync();
        using var client = portal.On(Wednesday).CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);

        var page = await client.GetPageAsync("/mijn");

        Assert.Equal(["Kin intrekken", "Zitten en opstaan van een stoel"], CardTitles(page, "Oefeningen"));
        Assert.Equal(["Ademhaling 4-6"], CardTitles(page, "Zelfzorg"));
        var notToday = page.Document.QuerySelector(".not-today-list")!.TextContent;
        Assert.Contains("Heupscharnier met gewicht", notToday);
        Assert.DoesNotContain("Brug", page.Text);
        Assert.DoesNotContain("Dode kever", page.Text);
        Assert.Contains("maandag en donderdag", page.Document.QuerySelector(".portal-help")!.TextContent);
        Assert.Contains("2 x 10 herhalingen, 5 s vasthouden, 2x per dag", page.Text);
    }

    [Fact]
    public async Task A_twice_weekly_exercise_is_due_on_thursday_and_a_three_times_weekly_one_is_not()
    {
        await SeedPlansAsync();
        using var client = portal.On(Thursday).CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);

        var page = await client.GetPageAsync("/mijn");

        Assert.Equal(["Kin intrekken", "Heupscharnier met gewicht"], CardTitles(page, "Oefeningen"));
        Assert.Contains("Zitten en opstaan van een stoel", page.Document.QuerySelector(".not-today-list")!.TextContent);
    }

    [Fact]
    public async Task Pressing_gedaan_logs_once_and_the_card_says_when_and_how_many_times()
    {
        await SeedPlansAsync();
        using var client = portal.On(Wednesday, hour: 10).CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);
        var page = await client.GetPageAsync("/mijn");
        var form = "form:has(button[aria-label='Gedaan: Kin intrekken'])";

        var first = await client.SubmitAsync(page, form, []);
        var second = await client.SubmitAsync(page, form, []);
        var after = await client.FollowAsync(second);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/mijn", after.Url.AbsolutePath);
        Assert.Contains("gedaan=true", after.Url.Query);
        Assert.Contains("Goed gedaan!", after.Text);
        var logs = await portal.WithDbAsync(db => db.SessionLogs.ToListAsync());
        var log = Assert.Single(logs);
        Assert.Equal(SessionOutcome.Done, log.Outcome);
        Assert.Equal("chin-tuck", log.ExerciseId);
        Assert.Equal(Wednesday, log.Day);
        Assert.Equal(Baseline.NoordPatientId, log.PatientId);
        var card = after.Document.QuerySelectorAll(".today-card").Single(c => c.TextContent.Contains("Kin intrekken"));
        // The clock says 10:00 UTC; in Amsterdam, in March before the change to summer time, that is 11:00.
        Assert.Contains("Gedaan om 11:00", card.TextContent);
        Assert.Contains("1 van 2 keer", card.TextContent);
    }

    [Fact]
    public async Task A_patient_without_a_plan_gets_a_friendly_message()
    {
        using var client = portal.On(Wednesday).CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);

        var page = await client.GetPageAsync("/mijn");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Empty(page.Document.QuerySelectorAll(".today-card"));
        Assert.Contains("Goedendag Piet", page.Document.QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData(Baseline.NoordTherapist)]
    [InlineData(Baseline.NoordAdmin)]
    public async Task Therapists_and_admins_cannot_open_the_patient_pages(string user)
    {
        var plan = await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, At(Monday), Exercise("chin-tuck", perDay: 1));
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(user);

        foreach (var path in new[] { "/mijn", $"/mijn/oefening/{plan.Exercises[0].Id}", "/mijn/voortgang", "/mijn/weekcheck" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/geen-toegang", response.Headers.Location!.AbsolutePath);
        }
    }
}
