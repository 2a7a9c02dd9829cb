using System.Net;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;
using static RugcentrumPortal.Web.Tests.Intake.IntakeTestKit;

namespace RugcentrumPortal.Web.Tests.Intake;

public class IntakeFormTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Starting_an_intake_creates_a_draft_of_the_therapist_and_opens_its_form()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);

        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var (form, id) = await StartAsync(client, patientId);

        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("Ineke Intake", form.Document.QuerySelector("h1")?.TextContent);
        var saved = await LoadAsync(portal, id);
        Assert.Equal(AssessmentStatus.Draft, saved.Status);
        Assert.Equal(AssessmentKind.Intake, saved.Kind);
        Assert.Equal(patientId, saved.PatientId);
        Assert.Null(saved.Conclusion);
        Assert.True(saved.CreatedAt > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task A_reassessment_is_a_new_row_and_leaves_the_earlier_assessment_as_it_was()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var (firstForm, firstId) = await StartAsync(client, patientId);
        var values = AllNo();
        values["Input.ComplaintDescription"] = "Pijn onderrug bij tillen";
        values["Input.ComplaintRegions"] = "low-back";
        await client.SubmitAndFollowAsync(firstForm, IntakeForm, values, "Input.Action", "screen");
        var before = await LoadAsync(portal, firstId);

        var (secondForm, secondId) = await StartAsync(client, patientId, "Reassessment");
        var changed = AllNo("night-pain");
        changed["Input.ComplaintDescription"] = "Nu vooral 's nachts";
        await client.SubmitAndFollowAsync(secondForm, IntakeForm, changed, "Input.Action", "screen");

        Assert.NotEqual(firstId, secondId);
        Assert.Contains("Pijn onderrug bij tillen", secondForm.Document.QuerySelector("#complaint-description")?.TextContent);
        Assert.Contains("overgenomen", secondForm.Text);
        var after = await LoadAsync(portal, firstId);
        Assert.Equal("Pijn onderrug bij tillen", after.ComplaintDescription);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        Assert.Equal(ScreeningConclusion.Pluis, after.Conclusion);
        var second = await LoadAsync(portal, secondId);
        Assert.Equal(AssessmentKind.Reassessment, second.Kind);
        Assert.Equal("Nu vooral 's nachts", second.ComplaintDescription);
        Assert.Equal(["low-back"], second.ComplaintRegions);
        var history = await client.GetPageAsync($"/patienten/{patientId}");
        var links = history.Document.QuerySelectorAll(".assessment-history .assessment-link").Select(a => a.GetAttribute("href")).ToList();
        Assert.True(links.IndexOf($"patienten/{patientId}/onderzoek/{secondId}") < links.IndexOf($"patienten/{patientId}/onderzoek/{firstId}"));
    }

    [Fact]
    public async Task A_draft_keeps_everything_that_was_filled_in_without_a_screening()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var (form, id) = await StartAsync(client, patientId);

        var page = await client.SubmitAndFollowAsync(form, IntakeForm, new()
        {
            ["Input.ComplaintRegions"] = "neck",
            ["Input.ComplaintDescription"] = "Stijve nek",
            ["Input.Onset"] = "Na verhuizing",
            ["Input.Duration"] = "weeks-6-12",
            ["Input.Course"] = "Wisselend",
            ["Input.Aggravating"] = "Lang zitten",
            ["Input.Easing"] = "Warmte",
            ["Input.History"] = "Eerder schouderklachten",
            ["Input.AgeAtOnset"] = "44",
            ["Input.Answers[night-pain]"] = "nee",
            ["Input.Answers[saddle-numbness]"] = "ja",
            ["Input.YellowFlags"] = "poor-sleep",
            ["Input.StressSignals"] = "jaw-clenching",
            ["Input.PrecautionConditions"] = "pregnancy",
        }, "Input.Action", "draft");

        Assert.EndsWith("/intake", page.Url.AbsolutePath);
        Assert.NotNull(page.Document.QuerySelector(".alert-success"));
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
        Assert.NotNull(page.Document.QuerySelector("#a-saddle-numbness-yes")?.GetAttribute("checked"));
        Assert.Null(page.Document.QuerySelector("#a-weight-loss-yes")?.GetAttribute("checked"));
        Assert.Null(page.Document.QuerySelector("#a-weight-loss-no")?.GetAttribute("checked"));
        Assert.NotNull(page.Document.QuerySelector("#complaint-neck")?.GetAttribute("checked"));
    }

    [Fact]
    public async Task All_answers_no_completes_the_screening_as_pluis()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var (form, id) = await StartAsync(client, patientId);
        var values = AllNo();
        values["Input.AgeAtOnset"] = "40";

        var page = await client.SubmitAndFollowAsync(form, IntakeForm, values, "Input.Action", "screen");

        Assert.Equal($"/patienten/{patientId}/onderzoek/{id}", page.Url.AbsolutePath);
        Assert.Contains("Pluis", page.Document.QuerySelector("#conclusion")?.TextContent);
        Assert.Null(page.Document.QuerySelector("[role=alert]"));
        Assert.Contains("Een behandelplan mag starten", page.Text);
        var saved = await LoadAsync(portal, id);
        Assert.Equal(ScreeningConclusion.Pluis, saved.Conclusion);
        Assert.Equal(Urgency.None, saved.HighestUrgency);
        Assert.Empty(saved.FlagsFound);
        Assert.Empty(saved.RedFlagsPresent);
        Assert.Equal(AskedItemIds.Order(), saved.RedFlagsAbsent.Order());
        Assert.NotNull(saved.ScreenedAt);
    }

    [Fact]
    public async Task Saddle_numbness_is_niet_pluis_with_an_unmistakable_emergency_alert()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var (form, id) = await StartAsync(client, patientId);
        var values = AllNo("saddle-numbness");
        values["Input.AgeAtOnset"] = "40";

        var page = await client.SubmitAndFollowAsync(form, IntakeForm, values, "Input.Action", "screen");

        var alert = page.Document.QuerySelector("#conclusion[role=alert]");
        Assert.NotNull(alert);
        Assert.Contains("Spoed: vandaag nog laten beoordelen", alert.TextContent);
        Assert.NotNull(alert.QuerySelector(".bi-exclamation-octagon-fill"));
        Assert.Contains(ClinicalCatalog.Default.RedFlagsById["saddle-numbness"].Finding.Nl, page.Document.QuerySelector(".flag-list")?.TextContent);
        Assert.Contains("Een behandelplan kan nog niet starten", page.Text);
        var saved = await LoadAsync(portal, id);
        Assert.Equal(ScreeningConclusion.NietPluis, saved.Conclusion);
        Assert.Equal(Urgency.Emergency, saved.HighestUrgency);
        Assert.Equal(["saddle-numbness"], saved.FlagsFound);
    }

    [Fact]
    public async Task Missing_answers_get_a_message_at_each_question_and_nothing_typed_is_lost()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var (form, id) = await StartAsync(client, patientId);
        var values = AllNo();
        values["Input.Answers[weight-loss]"] = null;
        values["Input.Answers[fever-illness]"] = null;
        values["Input.Answers[night-pain]"] = "ja";
        values["Input.ComplaintDescription"] = "Blijft staan";
        values["Input.ComplaintRegions"] = "low-back";

        var page = await client.SubmitAndFollowAsync(form, IntakeForm, values, "Input.Action", "screen");

        Assert.EndsWith("/intake", page.Url.AbsolutePath);
        Assert.Contains("Kies ja of nee", FieldMessages(page, "#q-weight-loss"));
        Assert.Contains("Kies ja of nee", FieldMessages(page, "#q-fever-illness"));
        Assert.Equal("", FieldMessages(page, "#q-night-pain"));
        var summary = page.Document.QuerySelector("#error-summary")?.TextContent ?? "";
        Assert.Contains("Nog niet beantwoord", summary);
        Assert.Equal(2, page.Document.QuerySelectorAll("#error-summary li").Length);
        Assert.Equal("Blijft staan", page.Document.QuerySelector("#complaint-description")?.TextContent);
        Assert.NotNull(page.Document.QuerySelector("#a-night-pain-yes")?.GetAttribute("checked"));
        Assert.NotNull(page.Document.QuerySelector("#complaint-low-back")?.GetAttribute("checked"));
        var saved = await LoadAsync(portal, id);
        Assert.Null(saved.Conclusion);
        Assert.Null(saved.ComplaintDescription);
    }

    [Theory]
    [InlineData("Input.ComplaintRegions", "elbow:left", "#complaint-heading", "lichaamsgebied is niet herkend")]
    [InlineData("Input.ComplaintRegions", "low-back:left", "#complaint-heading", "lichaamsgebied is niet herkend")]
    [InlineData("Input.YellowFlags", "bestaat-niet", ".intake-body", "keuze is niet herkend")]
    [InlineData("Input.Answers[made-up-flag]", "ja", ".intake-body", "antwoord op de screeningsvragen is niet herkend")]
    [InlineData("Input.Answers[onset-over-55]", "ja", ".intake-body", "antwoord op de screeningsvragen is niet herkend")]
    [InlineData("Input.Answers[night-pain]", "misschien", ".intake-body", "antwoord op de screeningsvragen is niet herkend")]
    [InlineData("Input.Duration", "eeuwig", ".intake-body", "Kies een duur uit de lijst")]
    [InlineData("Input.AgeAtOnset", "300", ".intake-body", "Vul een leeftijd in tussen 0")]
    public async Task Unknown_or_impossible_values_get_a_clear_message_and_save_nothing(string field, string value, string where, string message)
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var (form, id) = await StartAsync(client, patientId);
        var values = AllNo();
        values["Input.ComplaintDescription"] = "Niet opslaan";
        values[field] = value;

        var page = await client.SubmitAndFollowAsync(form, IntakeForm, values, "Input.Action", "draft");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.Document.QuerySelector("#error-summary")?.TextContent);
        Assert.Contains(message, page.Document.QuerySelector(where)?.ParentElement?.TextContent);
        Assert.Null((await LoadAsync(portal, id)).ComplaintDescription);
    }

    [Fact]
    public async Task Too_long_text_is_refused_at_the_field()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var (form, id) = await StartAsync(client, patientId);

        var page = await client.SubmitAndFollowAsync(form, IntakeForm, new() { ["Input.History"] = new string('x', 4001) }, "Input.Action", "draft");

        Assert.Contains("te lang", page.Document.QuerySelector("#history")?.ParentElement?.TextContent);
        Assert.Equal(4001, page.Document.QuerySelector("#history")?.TextContent.Length);
        Assert.Null((await LoadAsync(portal, id)).History);
    }

    [Fact]
    public async Task A_completed_assessment_shows_its_intake_but_refuses_changes()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var id = await SeedAsync(portal, patientId, Baseline.NoordTherapist, a => a.Status = AssessmentStatus.Completed);
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var form = await client.GetPageAsync($"/patienten/{patientId}/onderzoek/{id}/intake");
        Assert.NotNull(form.Document.QuerySelector("fieldset.intake-body[disabled]"));

        var page = await client.SubmitAndFollowAsync(form, IntakeForm, new() { ["Input.ComplaintDescription"] = "Overschreven" }, "Input.Action", "draft");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Niet opgeslagen: dit onderzoek is afgerond", page.Text);
        Assert.Equal("Zaadje van de test", (await LoadAsync(portal, id)).ComplaintDescription);
    }

    [Fact]
    public async Task A_post_without_antiforgery_token_is_refused_and_changes_nothing()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var (form, id) = await StartAsync(client, patientId);
        var start = await client.GetPageAsync($"/patienten/{patientId}/onderzoek/nieuw");
        var before = (await ForPatientAsync(portal, patientId)).Count;

        var intake = await client.SubmitAsync(form, IntakeForm, new() { ["Input.ComplaintDescription"] = "Zonder token", ["__RequestVerificationToken"] = null }, "Input.Action", "draft");
        var started = await client.SubmitAsync(start, StartForm, new() { ["__RequestVerificationToken"] = null });

        Assert.Equal(HttpStatusCode.BadRequest, intake.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, started.StatusCode);
        Assert.Null((await LoadAsync(portal, id)).ComplaintDescription);
        Assert.Equal(before, (await ForPatientAsync(portal, patientId)).Count);
    }
}
