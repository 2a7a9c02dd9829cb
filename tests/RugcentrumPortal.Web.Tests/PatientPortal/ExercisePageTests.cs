using System.Net;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;
using static RugcentrumPortal.Web.Tests.PatientPortal.PortalTestData;
using static RugcentrumPortal.TestSupport.TestPlans;

namespace RugcentrumPortal.Web.Tests.PatientPortal;

public class ExercisePageTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string LogForm = "form[method=post]:has(input[name='Input.SubmissionId'])";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<RecoveryPlan> ActivePlanAsync() =>
        await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, At(Monday),
            Exercise("chin-tuck", perDay: 2, sets: 2, reps: 10, hold: 5),
            Exercise("breathing-4-6", perDay: 3, minutes: 2),
            Exercise("squat-to-chair", perWeek: 3, sets: 3, reps: 10));

    private async Task<PortalClient> PatientAsync()
    {
        var client = portal.On(Wednesday).CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);
        return client;
    }

    private static string FieldMessage(Page page, string fieldId) =>
        page.Document.QuerySelector($"#{fieldId}")?.QuerySelector(".validation-message")?.TextContent
        ?? page.Document.QuerySelector($"#{fieldId}")?.ParentElement?.QuerySelector(".validation-message")?.TextContent ?? "";

    [Fact]
    public async Task Exercise_page_shows_steps_cues_mistakes_and_the_dosage_and_works_without_script()
    {
        var plan = await ActivePlanAsync();
        using var client = await PatientAsync();

        var page = await client.GetPageAsync($"/mijn/oefening/{plan.Exercises[0].Id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Kin intrekken", page.Document.QuerySelector("h1")!.TextContent);
        Assert.Equal("2 x 10 herhalingen, 5 s vasthouden, 2x per dag", page.Document.QuerySelector(".dosage-text")!.TextContent);
        Assert.NotEmpty(page.Document.QuerySelectorAll(".exercise-steps li"));
        Assert.NotEmpty(page.Document.QuerySelectorAll(".mistakes-box li"));
        Assert.Contains("Houd elke keer 5 tellen vast en laat dan 5 tellen los. Doe dit 10 keer; dat is één serie. Rust 10 tellen en doe dan de volgende serie, 2 series in totaal.", page.Document.QuerySelector(".timer-description")!.TextContent);
        Assert.NotNull(page.Document.QuerySelector(".timer-live[hidden]"));
        Assert.Empty(page.Document.QuerySelectorAll("script:not([src]), [style]"));
    }

    [Fact]
    public async Task The_breathing_exercise_describes_its_four_six_rhythm()
    {
        var plan = await ActivePlanAsync();
        using var client = await PatientAsync();

        var page = await client.GetPageAsync($"/mijn/oefening/{plan.Exercises[1].Id}");

        Assert.Equal("Adem 4 tellen in en 6 tellen uit. Houd dit 2 minuten vol.", page.Document.QuerySelector(".timer-description")!.TextContent);
        Assert.Equal(["4", "6"], page.Document.QuerySelectorAll(".timer-phases li").Select(li => li.GetAttribute("data-seconds")));
        Assert.Equal("12", page.Document.QuerySelector("[data-timer]")!.GetAttribute("data-rounds"));
    }

    [Fact]
    public async Task An_exercise_without_a_rhythm_has_no_timer()
    {
        var plan = await ActivePlanAsync();
        using var client = await PatientAsync();

        var page = await client.GetPageAsync($"/mijn/oefening/{plan.Exercises[2].Id}");

        Assert.Null(page.Document.QuerySelector("[data-timer]"));
    }

    [Fact]
    public async Task A_log_with_pain_tension_difficulty_and_a_note_is_saved_once_even_when_posted_twice()
    {
        var plan = await ActivePlanAsync();
        using var client = await PatientAsync();
        var page = await client.GetPageAsync($"/mijn/oefening/{plan.Exercises[0].Id}");
        var values = new Dictionary<string, string?>
        {
            ["Input.Outcome"] = "Partly", ["Input.Pain"] = "3", ["Input.Tension"] = "0", ["Input.Difficulty"] = "4", ["Input.Note"] = "Links trok het wat.",
        };

        var first = await client.SubmitAsync(page, LogForm, values);
        var again = await client.FollowAsync(await client.SubmitAsync(page, LogForm, values));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/mijn", again.Url.AbsolutePath);
        Assert.Contains("Goed gedaan!", again.Text);
        var log = Assert.Single(await portal.WithDbAsync(db => db.SessionLogs.ToListAsync()));
        Assert.Equal((SessionOutcome.Partly, 3, 0, 4, "Links trok het wat."), (log.Outcome, log.Pain, log.Tension, log.Difficulty, log.Note));
        Assert.Equal(plan.Exercises[0].Id, log.PlanExerciseId);
        Assert.Equal(plan.Id, log.PlanId);
    }

    [Fact]
    public async Task Pain_and_tension_may_stay_empty()
    {
        var plan = await ActivePlanAsync();
        using var client = await PatientAsync();
        var page = await client.GetPageAsync($"/mijn/oefening/{plan.Exercises[0].Id}");

        await client.SubmitAsync(page, LogForm, new() { ["Input.Outcome"] = "Skipped" });

        var log = Assert.Single(await portal.WithDbAsync(db => db.SessionLogs.ToListAsync()));
        Assert.Equal((SessionOutcome.Skipped, (int?)null, (int?)null), (log.Outcome, log.Pain, log.Tension));
    }

    [Theory]
    [InlineData("Input.Pain", "11", "pain-field", "0 tot en met 10")]
    [InlineData("Input.Pain", "veel", "pain-field", "0 tot en met 10")]
    [InlineData("Input.Tension", "-1", "tension-field", "0 tot en met 10")]
    [InlineData("Input.Difficulty", "9", "difficulty-field", "1 tot en met 5")]
    [InlineData("Input.Outcome", "Misschien", "outcome-field", "gedaan, deels gedaan of overgeslagen")]
    public async Task Out_of_range_values_get_a_message_at_the_field_and_nothing_is_saved(string field, string value, string fieldId, string message)
    {
        var plan = await ActivePlanAsync();
        using var client = await PatientAsync();
        var page = await client.GetPageAsync($"/mijn/oefening/{plan.Exercises[0].Id}");
        var values = new Dictionary<string, string?> { ["Input.Pain"] = "2", ["Input.Note"] = "Blijft staan", [field] = value };

        var result = await client.SubmitAndFollowAsync(page, LogForm, values);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(message, FieldMessage(result, fieldId));
        Assert.Equal("Blijft staan", result.Document.QuerySelector("#note")!.TextContent);
        Assert.Contains("Niet alles is goed ingevuld", result.Text);
        Assert.Equal(0, await portal.WithDbAsync(db => db.SessionLogs.CountAsync()));
    }

    [Fact]
    public async Task Another_patients_plan_exercise_is_not_found_and_a_post_to_it_saves_nothing()
    {
        var own = await ActivePlanAsync();
        var other = await TestPlans.AddAsync(portal, Baseline.ZuidPatientId, PlanStatus.Active, At(Monday), Exercise("chin-tuck", perDay: 1));
        using var client = await PatientAsync();
        var page = await client.GetPageAsync($"/mijn/oefening/{own.Exercises[0].Id}");

        var response = await client.GetAsync($"/mijn/oefening/{other.Exercises[0].Id}");
        page.Document.QuerySelector(LogForm)!.SetAttribute("action", $"/mijn/oefening/{other.Exercises[0].Id}");
        var post = await client.SubmitAsync(page, LogForm, new() { ["Input.Outcome"] = "Done" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Kin intrekken", await response.Content.ReadAsStringAsync());
        // The form is never rendered for someone else's exercise, so the framework refuses the post outright.
        Assert.Contains(post.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.BadRequest });
        Assert.Equal(0, await portal.WithDbAsync(db => db.SessionLogs.CountAsync()));
    }

    [Fact]
    public async Task Superseded_and_draft_versions_of_the_own_plan_are_not_found()
    {
        var old = await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Superseded, At(Monday.AddDays(-7)), Exercise("bridge", perDay: 1));
        await ActivePlanAsync();
        var draft = await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Draft, At(Monday), Exercise("dead-bug", perDay: 1));
        using var client = await PatientAsync();

        var superseded = await client.GetAsync($"/mijn/oefening/{old.Exercises[0].Id}");
        var drafted = await client.GetAsync($"/mijn/oefening/{draft.Exercises[0].Id}");

        Assert.Equal(HttpStatusCode.NotFound, superseded.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, drafted.StatusCode);
    }
}
