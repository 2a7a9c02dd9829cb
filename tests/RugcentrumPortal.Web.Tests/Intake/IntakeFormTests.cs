using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Intake;
using RugcentrumPortal.Web.Tests.Components;
using static RugcentrumPortal.Web.Tests.Intake.IntakeTestKit;

namespace RugcentrumPortal.Web.Tests.Intake;

/// <summary>The live start page and intake form, used as a therapist uses them, against the real database.</summary>
public class IntakeFormTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task<Guid> NewPatientAsync() => TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));

    [Fact]
    public async Task Starting_an_intake_creates_a_draft_of_the_therapist_and_opens_its_form()
    {
        var patientId = await NewPatientAsync();
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");
        var start = workspace.RenderPage<AssessmentStart>(p => p.Add(x => x.PatientId, patientId));
        start.WaitForElement("#kind-intake");
        Assert.NotNull(start.Find("#kind-intake").GetAttribute("checked"));

        await start.On("form", e => e.Submit());

        start.WaitForAssertion(() => Assert.EndsWith("/intake", workspace.Uri()));
        var saved = Assert.Single(await ForPatientAsync(portal, patientId));
        Assert.Equal($"http://localhost/patienten/{patientId}/onderzoek/{saved.Id}/intake", workspace.Uri());
        Assert.Equal(AssessmentStatus.Draft, saved.Status);
        Assert.Equal(AssessmentKind.Intake, saved.Kind);
        Assert.Null(saved.Conclusion);
        Assert.True(saved.CreatedAt > DateTimeOffset.UtcNow.AddMinutes(-5));
        var form = workspace.OpenIntake(patientId, saved.Id);
        Assert.Contains("Ineke Intake", form.Find("h1").TextContent);
    }

    [Fact]
    public async Task A_reassessment_is_a_new_row_and_leaves_the_earlier_assessment_as_it_was()
    {
        var patientId = await NewPatientAsync();
        var firstId = await StartAsync(portal, patientId);
        await using (var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist))
        {
            SpeakAs("nl");
            var first = workspace.OpenIntake(patientId, firstId);
            await first.On("#complaint-description", e => e.Change("Pijn onderrug bij tillen"));
            await first.On("#complaint-low-back", e => e.Change(true));
            await first.AnswerAll();
            await first.CompleteScreening();
            first.WaitForAssertion(() => Assert.EndsWith($"/onderzoek/{firstId}", workspace.Uri()));
        }
        var before = await LoadAsync(portal, firstId);

        await using var again = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");
        var start = again.RenderPage<AssessmentStart>(p => p.Add(x => x.PatientId, patientId));
        start.WaitForElement("#kind-reassessment");
        Assert.NotNull(start.Find("#kind-reassessment").GetAttribute("checked"));
        Assert.Contains("overgenomen", start.Markup);
        await start.On("form", e => e.Submit());
        start.WaitForAssertion(() => Assert.EndsWith("/intake", again.Uri()));
        var secondId = (await ForPatientAsync(portal, patientId))[1].Id;
        var second = again.OpenIntake(patientId, secondId);
        Assert.Equal("Pijn onderrug bij tillen", second.Find("#complaint-description").TextContent);
        Assert.Contains("overgenomen", second.Markup);
        await second.On("#complaint-description", e => e.Change("Nu vooral 's nachts"));
        await second.AnswerAll("night-pain");
        await second.CompleteScreening();
        second.WaitForAssertion(() => Assert.EndsWith($"/onderzoek/{secondId}", again.Uri()));

        var after = await LoadAsync(portal, firstId);
        Assert.Equal("Pijn onderrug bij tillen", after.ComplaintDescription);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        Assert.Equal(ScreeningConclusion.Pluis, after.Conclusion);
        var saved = await LoadAsync(portal, secondId);
        Assert.Equal(AssessmentKind.Reassessment, saved.Kind);
        Assert.Equal("Nu vooral 's nachts", saved.ComplaintDescription);
        Assert.Equal(["low-back"], saved.ComplaintRegions);
        var history = again.Render<AssessmentHistory>(p => p.Add(x => x.PatientId, patientId));
        history.WaitForElement(".assessment-link");
        var links = history.FindAll(".assessment-history .assessment-link").Select(a => a.GetAttribute("href")).ToList();
        Assert.True(links.IndexOf($"patienten/{patientId}/onderzoek/{secondId}") < links.IndexOf($"patienten/{patientId}/onderzoek/{firstId}"));
    }

    [Fact]
    public async Task A_draft_keeps_everything_that_was_filled_in_without_a_screening()
    {
        var patientId = await NewPatientAsync();
        var id = await StartAsync(portal, patientId);
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");
        var page = workspace.OpenIntake(patientId, id);

        await page.On("#complaint-neck", e => e.Change(true));
        await page.On("#complaint-description", e => e.Change("Stijve nek"));
        await page.On("#onset", e => e.Change("Na verhuizing"));
        await page.InvokeAsync(() => page.FindComponent<MudSelect<string>>().Instance.ValueChanged.InvokeAsync("weeks-6-12"));
        await page.On("#course", e => e.Change("Wisselend"));
        await page.On("#aggravating", e => e.Change("Lang zitten"));
        await page.On("#easing", e => e.Change("Warmte"));
        await page.On("#history", e => e.Change("Eerder schouderklachten"));
        await page.On("#age-at-onset", e => e.Change("44"));
        await page.Answer("night-pain", yes: false);
        await page.Answer("saddle-numbness", yes: true);
        await page.On("#yellow-poor-sleep", e => e.Change(true));
        await page.On("#stress-jaw-clenching", e => e.Change(true));
        await page.On("#precaution-pregnancy", e => e.Change(true));
        await page.SaveDraft();

        page.WaitForElement("#draft-saved");
        var saved = await LoadAsync(portal, id);
        Assert.Equal(["neck"], saved.ComplaintRegions);
        Assert.Equal("Stijve nek", saved.ComplaintDescription);
        Assert.Equal("Na verhuizing", saved.Onset);
        Assert.Equal("weeks-6-12", saved.Duration);
        Assert.Equal("Wisselend", saved.Course);
        Assert.Equal("Lang zitten", saved.Aggravating);
        Assert.Equal("Warmte", saved.Easing);
        Assert.Equal("Eerder schouderklachten", saved.History);
        Assert.Equal(44, saved.AgeAtOnset);
        Assert.Equal(["saddle-numbness"], saved.RedFlagsPresent);
        Assert.Equal(["night-pain"], saved.RedFlagsAbsent);
        Assert.Equal(["poor-sleep"], saved.YellowFlags);
        Assert.Equal(["jaw-clenching"], saved.StressSignals);
        Assert.Equal(["pregnancy"], saved.PrecautionConditions);
        Assert.Null(saved.Conclusion);
        Assert.Equal(AssessmentStatus.Draft, saved.Status);
        Assert.NotNull(page.Find("#a-saddle-numbness-yes").GetAttribute("checked"));
        Assert.Null(page.Find("#a-weight-loss-yes").GetAttribute("checked"));
        Assert.Null(page.Find("#a-weight-loss-no").GetAttribute("checked"));
        Assert.NotNull(page.Find("#complaint-neck").GetAttribute("checked"));
        Assert.Equal("6 tot 12 weken (subacuut)", page.Find("#duration").GetAttribute("value"));
    }

    [Fact]
    public async Task All_answers_no_completes_the_screening_as_pluis()
    {
        var patientId = await NewPatientAsync();
        var id = await StartAsync(portal, patientId);
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");
        var page = workspace.OpenIntake(patientId, id);
        await page.On("#age-at-onset", e => e.Change("40"));
        await page.AnswerAll();

        await page.CompleteScreening();

        page.WaitForAssertion(() => Assert.Equal($"http://localhost/patienten/{patientId}/onderzoek/{id}", workspace.Uri()));
        var saved = await LoadAsync(portal, id);
        Assert.Equal(ScreeningConclusion.Pluis, saved.Conclusion);
        Assert.Equal(Urgency.None, saved.HighestUrgency);
        Assert.Empty(saved.FlagsFound);
        Assert.Empty(saved.RedFlagsPresent);
        Assert.Equal(AskedItemIds.Order(), saved.RedFlagsAbsent.Order());
        Assert.NotNull(saved.ScreenedAt);
        var overview = workspace.OpenOverview(patientId, id);
        Assert.Contains("Pluis", overview.Find("#conclusion").TextContent);
        Assert.Empty(overview.FindAll("[role=alert]"));
        Assert.Contains("Een behandelplan mag starten", overview.Find(".plan-status").TextContent);
    }

    [Fact]
    public async Task Saddle_numbness_is_niet_pluis_with_an_unmistakable_emergency_alert()
    {
        var patientId = await NewPatientAsync();
        var id = await StartAsync(portal, patientId);
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");
        var page = workspace.OpenIntake(patientId, id);
        await page.On("#age-at-onset", e => e.Change("40"));
        await page.AnswerAll("saddle-numbness");

        await page.CompleteScreening();

        page.WaitForAssertion(() => Assert.EndsWith($"/onderzoek/{id}", workspace.Uri()));
        var overview = workspace.OpenOverview(patientId, id);
        var alert = overview.Find("#conclusion[role=alert]");
        Assert.Contains("Spoed: vandaag nog laten beoordelen", alert.TextContent);
        Assert.NotNull(alert.QuerySelector(".emergency-heading .urgency-emergency-icon"));
        Assert.Contains(ClinicalCatalog.Default.RedFlagsById["saddle-numbness"].Finding.Nl, overview.Find(".flag-list").TextContent);
        Assert.Contains("Een behandelplan kan nog niet starten", overview.Find(".plan-status").TextContent);
        var saved = await LoadAsync(portal, id);
        Assert.Equal(ScreeningConclusion.NietPluis, saved.Conclusion);
        Assert.Equal(Urgency.Emergency, saved.HighestUrgency);
        Assert.Equal(["saddle-numbness"], saved.FlagsFound);
    }

    [Fact]
    public async Task Missing_answers_get_a_message_at_each_question_and_nothing_typed_is_lost()
    {
        var patientId = await NewPatientAsync();
        var id = await StartAsync(portal, patientId);
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");
        var page = workspace.OpenIntake(patientId, id);
        foreach (var item in AskedItemIds.Except(["weight-loss", "fever-illness", "night-pain"]))
        {
            await page.Answer(item, yes: false);
        }
        await page.Answer("night-pain", yes: true);
        await page.On("#complaint-description", e => e.Change("Blijft staan"));
        await page.On("#complaint-low-back", e => e.Change(true));

        await page.CompleteScreening();

        page.WaitForElement("#error-summary");
        Assert.EndsWith("/intake", workspace.Uri());
        Assert.Contains("Kies ja of nee", page.FieldMessages("#q-weight-loss"));
        Assert.Contains("Kies ja of nee", page.FieldMessages("#q-fever-illness"));
        Assert.Equal("", page.FieldMessages("#q-night-pain"));
        Assert.Contains("Nog niet beantwoord", page.Find("#error-summary").TextContent);
        Assert.Equal(2, page.FindAll("#error-summary li").Count);
        Assert.Equal("Blijft staan", page.Find("#complaint-description").TextContent);
        Assert.NotNull(page.Find("#a-night-pain-yes").GetAttribute("checked"));
        Assert.NotNull(page.Find("#a-saddle-numbness-no").GetAttribute("checked"));
        Assert.NotNull(page.Find("#complaint-low-back").GetAttribute("checked"));
        var saved = await LoadAsync(portal, id);
        Assert.Null(saved.Conclusion);
        Assert.Null(saved.ComplaintDescription);

        await page.Answer("weight-loss", yes: false);
        await page.Answer("fever-illness", yes: false);
        await page.CompleteScreening();

        page.WaitForAssertion(() => Assert.EndsWith($"/onderzoek/{id}", workspace.Uri()));
        saved = await LoadAsync(portal, id);
        Assert.Equal(ScreeningConclusion.NietPluis, saved.Conclusion);
        Assert.Equal("Blijft staan", saved.ComplaintDescription);
    }

    [Theory]
    [InlineData("300", "Vul een leeftijd in tussen 0 en de huidige leeftijd")]
    [InlineData("-1", "Vul een leeftijd in tussen 0 en de huidige leeftijd")]
    [InlineData("vijftig", "Vul de leeftijd in als heel getal")]
    public async Task An_impossible_age_at_onset_gets_its_message_at_the_field_keeps_the_text_and_saves_nothing(string typed, string message)
    {
        var patientId = await NewPatientAsync();
        var id = await StartAsync(portal, patientId);
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");
        var page = workspace.OpenIntake(patientId, id);
        await page.On("#complaint-description", e => e.Change("Niet opslaan"));
        await page.On("#age-at-onset", e => e.Change(typed));

        await page.SaveDraft();

        page.WaitForElement("#error-summary");
        Assert.Contains(message, page.Find("#error-summary").TextContent);
        Assert.Contains(message, page.AroundInput("age-at-onset"));
        Assert.Equal(typed, page.Find("#age-at-onset").GetAttribute("value"));
        Assert.Null((await LoadAsync(portal, id)).ComplaintDescription);
    }

    [Fact]
    public async Task Too_long_text_is_refused_at_the_field()
    {
        var patientId = await NewPatientAsync();
        var id = await StartAsync(portal, patientId);
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");
        var page = workspace.OpenIntake(patientId, id);
        await page.On("#history", e => e.Change(new string('x', 4001)));

        await page.SaveDraft();

        page.WaitForElement("#error-summary");
        Assert.Contains("te lang", page.AroundInput("history"));
        Assert.Equal(4001, page.Find("#history").TextContent.Length);
        Assert.Null((await LoadAsync(portal, id)).History);
    }

    [Fact]
    public async Task A_completed_assessment_shows_its_intake_without_any_way_to_change_it()
    {
        var patientId = await NewPatientAsync();
        var id = await SeedAsync(portal, patientId, Baseline.NoordTherapist, a => a.Status = AssessmentStatus.Completed);
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");

        var page = workspace.OpenIntake(patientId, id);

        Assert.NotNull(page.Find("fieldset.intake-body").GetAttribute("disabled"));
        Assert.Contains("Dit onderzoek is afgerond", page.Markup);
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Contains("Concept opslaan"));
        Assert.Equal("Zaadje van de test", page.Find("#complaint-description").TextContent);
    }

    [Fact]
    public async Task A_post_to_the_live_pages_is_refused_even_with_a_valid_token_and_changes_nothing()
    {
        var patientId = await NewPatientAsync();
        var id = await StartAsync(portal, patientId);
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var before = (await ForPatientAsync(portal, patientId)).Count;

        var intake = await PostWithTokenAsync(client, $"/patienten/{patientId}/onderzoek/{id}/intake",
            new() { ["Input.ComplaintDescription"] = "Gepost", ["Input.Action"] = "draft" });
        var started = await PostWithTokenAsync(client, $"/patienten/{patientId}/onderzoek/nieuw", new() { ["Input.Kind"] = "Intake" });

        Assert.Equal(HttpStatusCode.BadRequest, intake.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, started.StatusCode);
        Assert.Null((await LoadAsync(portal, id)).ComplaintDescription);
        Assert.Equal(before, (await ForPatientAsync(portal, patientId)).Count);
    }

    /// <summary>A post as an old form would send it, with the valid token the page's sign-out form carries.</summary>
    internal static async Task<HttpResponseMessage> PostWithTokenAsync(PortalClient client, string path, Dictionary<string, string> values)
    {
        var page = await client.GetPageAsync(path);
        values["__RequestVerificationToken"] = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.Http.PostAsync(path, new FormUrlEncodedContent(values));
    }
}
