using System.Net;
using Bunit;
using RugcentrumPortal.Web.Tests.Components;
using RugcentrumPortal.Web.Tests.Intake;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Outcomes;
using static RugcentrumPortal.Web.Tests.Outcomes.OutcomeTestData;

namespace RugcentrumPortal.Web.Tests.Outcomes;

/// <summary>Questionnaires sent to the patient: every test starts with no measurements for Piet Proef, the Noord patient with a login.</summary>
public class OutcomeRequestTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly Guid Piet = Baseline.NoordPatientId;

    [Fact]
    public async Task Sent_questionnaire_is_filled_in_by_the_patient_and_marked_so_for_the_therapist()
    {
        await ClearAsync(portal, Piet);
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");
        var list = workspace.OpenList(Piet);

        await Send(list, "odi");

        // The status line and the list of open requests may arrive in separate renders.
        list.WaitForAssertion(() =>
        {
            Assert.Contains("is naar de patiënt gestuurd", list.Find("#outcome-status").TextContent);
            Assert.Contains("Oswestry Disability Index (ODI)", list.Find("[aria-labelledby=requests-heading]").TextContent);
        });
        Assert.DoesNotContain(list.Find("#instrument-odi").QuerySelectorAll("button"), b => b.TextContent.Contains("Naar patiënt sturen"));
        var request = Assert.Single(await MeasurementsAsync(portal, Piet));
        Assert.Equal(OutcomeStatus.Requested, request.Status);
        Assert.NotNull(request.RequestedById);

        using var patient = portal.CreatePortalClient();
        await patient.LoginAsync(Baseline.NoordPatient);
        var home = await patient.GetPageAsync("/mijn");
        var link = home.Document.QuerySelector("a.questionnaire-open")!.GetAttribute("href")!;
        Assert.Equal($"mijn/vragenlijst/{request.Id}", link);
        var questionnaire = await patient.GetPageAsync("/" + link);
        Assert.Contains("Vraag 3 van 10", questionnaire.Text);
        var done = await patient.SubmitAndFollowAsync(questionnaire, QuestionnaireForm, Items(2, 3, 1, 2, 2, null, 1, 0, 2, 1));

        Assert.Equal("/mijn", done.Url.AbsolutePath);
        Assert.Contains("Dank u wel", done.Text);
        Assert.Null(done.Document.QuerySelector("a.questionnaire-open"));
        var filled = Assert.Single(await MeasurementsAsync(portal, Piet));
        Assert.Equal(OutcomeStatus.Completed, filled.Status);
        Assert.True(filled.EnteredByPatient);
        Assert.Equal(14 * 100.0 / 45, filled.Score!.Value, 6);
        Assert.Equal("Moderate", filled.Band);
        using var therapist = portal.CreatePortalClient();
        await therapist.LoginAsync(Baseline.NoordTherapist);
        var after = await therapist.GetPageAsync(ListUrl(Piet));
        Assert.Contains("ingevuld door patiënt", Section(after, "odi"));
        Assert.Contains("31,1%", Section(after, "odi"));
        Assert.Null(after.Document.QuerySelector("[aria-labelledby=requests-heading]"));
    }

    [Fact]
    public async Task A_completed_questionnaire_submitted_again_changes_nothing()
    {
        await ClearAsync(portal, Piet);
        var id = await RequestAsync(portal, Piet, "nprs");
        using var patient = portal.CreatePortalClient();
        await patient.LoginAsync(Baseline.NoordPatient);
        var form = await patient.GetPageAsync($"/mijn/vragenlijst/{id}");
        await patient.SubmitAndFollowAsync(form, QuestionnaireForm, new() { ["Input.Value"] = "5" });

        var again = await patient.SubmitAndFollowAsync(form, QuestionnaireForm, new() { ["Input.Value"] = "8" });

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("U heeft deze vragenlijst al ingevuld", again.Text);
        Assert.Null(again.Document.QuerySelector(QuestionnaireForm));
        var stored = Assert.Single(await MeasurementsAsync(portal, Piet));
        Assert.Equal(5, stored.Score);
        Assert.Equal([5], stored.ItemScores);
        var reopened = await patient.GetPageAsync($"/mijn/vragenlijst/{id}");
        Assert.Contains("U heeft deze vragenlijst al ingevuld", reopened.Text);
        Assert.Null(reopened.Document.QuerySelector(QuestionnaireForm));
    }

    [Fact]
    public async Task Patient_answers_with_too_many_gaps_are_kept_with_a_friendly_message()
    {
        await ClearAsync(portal, Piet);
        var id = await RequestAsync(portal, Piet, "ndi");
        using var patient = portal.CreatePortalClient();
        await patient.LoginAsync(Baseline.NoordPatient);
        var form = await patient.GetPageAsync($"/mijn/vragenlijst/{id}");

        var page = await patient.SubmitAndFollowAsync(form, QuestionnaireForm, Items(1, null, null, null, 2, 1, 0, 1, 2, 1));

        Assert.Contains("Er ontbreekt nog iets", page.Text);
        Assert.NotNull(page.Document.QuerySelector("#item-4-2[checked]"));
        Assert.Equal(OutcomeStatus.Requested, Assert.Single(await MeasurementsAsync(portal, Piet)).Status);
    }

    [Fact]
    public async Task Another_patients_questionnaire_is_not_found_on_open_and_on_submit()
    {
        await ClearAsync(portal, Piet);
        var own = await RequestAsync(portal, Piet, "nprs");
        var other = await RequestAsync(portal, Baseline.ZuidPatientId, "nprs");
        using var patient = portal.CreatePortalClient();
        await patient.LoginAsync(Baseline.NoordPatient);

        var opened = await patient.GetAsync($"/mijn/vragenlijst/{other}");
        var ownForm = await patient.GetPageAsync($"/mijn/vragenlijst/{own}");
        var posted = await patient.SubmitAsync(Retarget(ownForm, QuestionnaireForm, $"/mijn/vragenlijst/{other}"), QuestionnaireForm, new() { ["Input.Value"] = "3" });

        Assert.Equal(HttpStatusCode.NotFound, opened.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal(OutcomeStatus.Requested, Assert.Single(await MeasurementsAsync(portal, Baseline.ZuidPatientId)).Status);
    }

    [Fact]
    public async Task Withdrawing_asks_first_and_the_withdrawn_request_disappears_for_the_patient()
    {
        await ClearAsync(portal, Piet);
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");
        var list = workspace.OpenList(Piet);
        await Send(list, "psk");
        list.WaitForElement("[aria-labelledby=requests-heading]");
        var request = Assert.Single(await MeasurementsAsync(portal, Piet));

        await list.On("[aria-labelledby=requests-heading] button", e => e.Click());
        workspace.Dialogs.WaitForElement(".mud-dialog");
        Assert.Contains("De patiënt ziet hem daarna niet meer", workspace.Dialogs.Find(".mud-dialog").TextContent);
        await workspace.Dialogs.InvokeAsync(() => workspace.Dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("Annuleren")).Click());
        workspace.Dialogs.WaitForAssertion(() => Assert.Empty(workspace.Dialogs.FindAll(".mud-dialog")));
        Assert.Single(await MeasurementsAsync(portal, Piet));

        await list.On("[aria-labelledby=requests-heading] button", e => e.Click());
        workspace.Dialogs.WaitForElement(".mud-dialog");
        await workspace.Dialogs.InvokeAsync(() => workspace.Dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("Intrekken")).Click());

        list.WaitForAssertion(() => Assert.Contains("Het verzoek is ingetrokken", list.Find("#outcome-status").TextContent));
        Assert.Empty(list.FindAll("[aria-labelledby=requests-heading]"));
        Assert.Empty(await MeasurementsAsync(portal, Piet));
        using var patient = portal.CreatePortalClient();
        await patient.LoginAsync(Baseline.NoordPatient);
        Assert.Null((await patient.GetPageAsync("/mijn")).Document.QuerySelector("a.questionnaire-open"));
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync($"/mijn/vragenlijst/{request.Id}")).StatusCode);
    }

    [Fact]
    public async Task Sending_the_same_questionnaire_from_two_open_pages_keeps_one_open_request()
    {
        await ClearAsync(portal, Piet);
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");
        var first = workspace.OpenList(Piet);
        var second = workspace.Render<OutcomeList>(p => p.Add(x => x.PatientId, Piet));
        second.WaitForElement("#instrument-nprs");
        await Send(first, "nprs");
        first.WaitForElement("[aria-labelledby=requests-heading]");

        await Send(second, "nprs");

        second.WaitForAssertion(() => Assert.Contains("staat al open bij de patiënt", second.Find("[role=alert]").TextContent));
        Assert.Single(await MeasurementsAsync(portal, Piet));
    }

    [Fact]
    public async Task A_patient_without_login_cannot_be_sent_a_questionnaire_and_the_page_says_why()
    {
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");

        var page = workspace.OpenList(Baseline.NoordOtherPatientId);

        Assert.Contains("heeft nog geen portaalaccount", page.Markup);
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Contains("Naar patiënt sturen"));
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);
        var refused = await scope.ServiceProvider.GetRequiredService<OutcomeService>().SendAsync(Baseline.NoordOtherPatientId, "nprs", CancellationToken.None);
        Assert.Contains("heeft nog geen portaalaccount", refused.Problem);
        Assert.Empty(await MeasurementsAsync(portal, Baseline.NoordOtherPatientId));
    }

    private static Task Send(IRenderedComponent<OutcomeList> list, string instrument) =>
        list.InvokeAsync(() => list.Find($"#instrument-{instrument}").QuerySelectorAll("button").Single(b => b.TextContent.Contains("Naar patiënt sturen")).Click());
}
