using System.Net;
using Bunit;
using RugcentrumPortal.Web.Tests.Components;
using RugcentrumPortal.Web.Tests.Intake;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Outcomes;
using static RugcentrumPortal.Web.Tests.Outcomes.OutcomeTestData;

namespace RugcentrumPortal.Web.Tests.Outcomes;

public class OutcomeEntryTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    public static TheoryData<string, Dictionary<string, string?>, double, string?, string> ValidEntries() => new()
    {
        { "nprs", new() { ["Input.Value"] = "6" }, 6, null, "6 van 10" },
        { "psk", Psk(("Traplopen", "7"), ("Fietsen", "5"), ("Tuinieren", "6")), 6, null, "gemiddeld 6" },
        { "start-back", Items(1, 1, 0, 1, 1, 1, 1, 0, 1), 7, "High", "Hoog risico" },
        { "odi", Items(2, 3, 1, 2, 2, null, 1, 0, 2, 1), 14 * 100.0 / 45, "Moderate", "31,1%" },
        { "ndi", Items(1, 2, 1, 0, 3, 1, 2, 1, 2, 1), 14, "Mild", "Lichte beperking (5-14)" },
        { "qbpds", Items(2, 2, 2, 2, 2, 2, 2, 2, 2, null, 2, 2, 2, 2, 2, 2, 2, 2, 2, null), 40, null, "40 van 100" },
    };

    [Theory]
    [MemberData(nameof(ValidEntries))]
    public async Task Therapist_enters_a_measurement_and_sees_the_score_of_the_clinical_core(
        string instrument, Dictionary<string, string?> values, double score, string? band, string shown)
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Meet", "Invoer" + instrument.Replace("-", ""));
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");

        var list = await workspace.EnterAsync(portal, patientId, instrument, values);

        Assert.Contains("opgeslagen", list.Find("#outcome-status").TextContent);
        Assert.Contains(shown, Section(list, instrument));
        Assert.Contains("ingevoerd door therapeut", Section(list, instrument));
        var saved = Assert.Single(await MeasurementsAsync(portal, patientId));
        Assert.Equal(instrument, saved.InstrumentId);
        Assert.Equal(OutcomeStatus.Completed, saved.Status);
        Assert.NotNull(saved.CompletedAt);
        Assert.False(saved.EnteredByPatient);
        Assert.Equal(score, saved.Score!.Value, 6);
        Assert.Equal(band, saved.Band);
    }

    [Fact]
    public async Task Odi_answers_are_stored_by_item_number_with_the_open_section_kept_open()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Meet", "Itemopslag");
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");

        await workspace.EnterAsync(portal, patientId, "odi", Items(2, 3, 1, 2, 2, null, 1, 0, 2, 1));

        var saved = Assert.Single(await MeasurementsAsync(portal, patientId));
        Assert.Equal([2, 3, 1, 2, 2, null, 1, 0, 2, 1], saved.ItemScores);
    }

    [Fact]
    public async Task Nprs_without_a_choice_is_refused_at_the_field_and_nothing_is_saved()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Meet", "Geenkeuze");
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");
        var page = workspace.OpenEntry(patientId, "nprs");

        await page.On("form", e => e.Submit());

        page.WaitForAssertion(() => Assert.Contains("Kies een score van 0 tot en met 10", Message(page, "value")));
        Assert.Contains("Niet alles is goed ingevuld", page.Find("[role=alert]").TextContent);
        Assert.EndsWith("/metingen/nieuw/nprs", workspace.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri);
        Assert.Empty(await MeasurementsAsync(portal, patientId));

        await page.On("#value-4", e => e.Click());
        await page.On("form", e => e.Submit());

        page.WaitForAssertion(() => Assert.Contains("/metingen?opgeslagen=nprs", workspace.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri));
        Assert.Single(await MeasurementsAsync(portal, patientId));
    }

    [Fact]
    public async Task Psk_with_two_activities_is_refused_and_the_typed_activities_stay()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Meet", "Tweeactiviteiten");
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");
        var page = workspace.OpenEntry(patientId, "psk");
        await page.Fill(Psk(("Traplopen", "7"), ("Fietsen", "5")));

        await page.On("form", e => e.Submit());

        page.WaitForAssertion(() => Assert.Contains("Vul minstens 3 en hoogstens 5 activiteiten in", Message(page, "activities")));
        Assert.Equal("Traplopen", page.Find("#activity-0-label").GetAttribute("value"));
        Assert.Equal(["Activiteit 1", "Activiteit 2", "Activiteit 3", "Activiteit 4", "Activiteit 5"],
            page.FindAll("label[for$='-label']").Select(l => l.TextContent.Trim()));
        Assert.Equal("5", page.Find("#activity-1-score").GetAttribute("value"));
        Assert.Empty(await MeasurementsAsync(portal, patientId));
    }

    [Fact]
    public async Task Psk_score_without_activity_name_is_refused_at_that_row()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Meet", "Zondernaam");
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");
        var page = workspace.OpenEntry(patientId, "psk");
        await page.Fill(Psk(("Traplopen", "7"), ("Fietsen", "5"), ("", "4")));

        await page.On("form", e => e.Submit());

        page.WaitForAssertion(() => Assert.Contains("Vul bij deze score ook de activiteit in", Message(page, "activity-2-label")));
        Assert.Contains("Vul bij deze score ook de activiteit in", page.Find("#activity-2-label").Closest(".mud-input-control")!.TextContent);
        Assert.Empty(await MeasurementsAsync(portal, patientId));
    }

    [Fact]
    public async Task Psk_score_outside_the_scale_is_refused_at_its_field_and_the_typed_value_stays()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Meet", "Buitenschaal");
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");
        var page = workspace.OpenEntry(patientId, "psk");
        await page.Fill(Psk(("Traplopen", "7"), ("Fietsen", "5"), ("Tuinieren", "11")));

        await page.On("form", e => e.Submit());

        page.WaitForAssertion(() => Assert.Contains("11 valt buiten de schaal", Message(page, "activity-2-score")));
        Assert.Equal("11", page.Find("#activity-2-score").GetAttribute("value"));
        Assert.Empty(await MeasurementsAsync(portal, patientId));
    }

    [Fact]
    public async Task Odi_with_three_unanswered_sections_is_refused_and_the_answers_stay_checked()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Meet", "Drieopen");
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");
        var page = workspace.OpenEntry(patientId, "odi");
        await page.Fill(Items(2, null, 1, 2, null, 3, 1, null, 2, 1));

        await page.On("form", e => e.Submit());

        page.WaitForAssertion(() => Assert.Contains("3 vragen zijn niet beantwoord. Er mogen er hoogstens 2 openblijven", page.Find("[role=alert]").TextContent));
        Assert.Equal("Nog niet beantwoord.", Message(page, "item-1"));
        Assert.Equal("Nog niet beantwoord.", Message(page, "item-7"));
        Assert.Equal("", Message(page, "item-0"));
        Assert.NotNull(page.Find("#item-5-3").GetAttribute("checked"));
        Assert.NotNull(page.Find("#item-1-none").GetAttribute("checked"));
        Assert.Empty(await MeasurementsAsync(portal, patientId));
    }

    [Fact]
    public async Task Two_nprs_values_show_a_meaningful_improvement_on_the_list_and_the_patient_page()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Meet", "Tweemetingen");
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");

        await workspace.EnterAsync(portal, patientId, "nprs", new() { ["Input.Value"] = "7" });
        var list = await workspace.EnterAsync(portal, patientId, "nprs", new() { ["Input.Value"] = "4" });

        var rows = list.FindAll("#instrument-nprs tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("4 van 10", rows[0]);
        Assert.Contains("\u22123 punten, betekenisvolle verbetering", rows[0]);
        Assert.Contains("eerste meting", rows[1]);
        var overview = workspace.Render<OutcomeOverview>(p => p.Add(x => x.PatientId, patientId));
        overview.WaitForElement(".outcome-overview");
        var text = overview.Find("[aria-labelledby=outcomes-heading]").TextContent;
        Assert.Contains("4 van 10", text);
        Assert.Contains("7 van 10", text);
        Assert.Contains("\u22123 punten, betekenisvolle verbetering", text);
    }

    [Fact]
    public async Task A_one_point_nprs_change_is_shown_as_below_the_threshold()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Meet", "Eenpunt");
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");

        await workspace.EnterAsync(portal, patientId, "nprs", new() { ["Input.Value"] = "5" });
        var list = await workspace.EnterAsync(portal, patientId, "nprs", new() { ["Input.Value"] = "6" });

        Assert.Contains("+1 punten, kleine verslechtering, onder de drempel van 2", Section(list, "nprs"));
    }

    [Fact]
    public async Task A_second_psk_starts_with_the_activities_of_the_first_and_shows_change_per_activity()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Meet", "Pskvervolg");
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");
        await workspace.EnterAsync(portal, patientId, "psk", Psk(("Traplopen", "7"), ("Fietsen", "5"), ("Tuinieren", "6")));

        var form = workspace.OpenEntry(patientId, "psk");
        Assert.Equal("Fietsen", form.Find("#activity-1-label").GetAttribute("value"));
        var list = await workspace.EnterAsync(portal, patientId, "psk", new()
        {
            ["Input.Activities[0].Score"] = "4", ["Input.Activities[1].Score"] = "5", ["Input.Activities[2].Score"] = "7",
        });

        var latest = list.Find("#instrument-psk tbody tr").TextContent;
        Assert.Contains("Traplopen: 4", latest);
        Assert.Contains("\u22123 punten, betekenisvolle verbetering", latest);
        Assert.Contains("geen verandering", latest);
    }

    [Fact]
    public async Task An_unknown_instrument_is_not_found()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);

        var response = await client.GetAsync(EntryUrl(Baseline.NoordPatientId, "sf-36"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_post_to_the_live_entry_page_is_refused_even_with_a_valid_token_and_saves_nothing()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Meet", "Zondertoken");
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);

        var response = await PostWithTokenAsync(client, EntryUrl(patientId, "nprs"), new() { ["Input.Value"] = "5" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await MeasurementsAsync(portal, patientId));
    }
}
