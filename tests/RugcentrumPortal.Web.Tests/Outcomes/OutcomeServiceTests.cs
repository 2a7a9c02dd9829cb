using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Outcomes;
using static RugcentrumPortal.Web.Tests.Outcomes.OutcomeTestData;

namespace RugcentrumPortal.Web.Tests.Outcomes;

public class OutcomeServiceTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly Guid Piet = Baseline.NoordPatientId;

    private async Task<T> AsAsync<T>(string account, Func<OutcomeService, Task<T>> work)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");
        await using var scope = await portal.Services.ScopeAsAsync(account);
        return await work(scope.ServiceProvider.GetRequiredService<OutcomeService>());
    }

    private static OutcomeInput PskInput(params string[] labels) => new()
    {
        Activities = labels.Select((label, i) => new PskRowInput { Label = label, Score = (i + 5).ToString(CultureInfo.InvariantCulture) }).ToList(),
    };

    [Fact]
    public async Task The_therapist_enters_a_measurement_scored_by_the_clinical_core_and_sees_it_in_the_history()
    {
        var patient = await TestPatients.NewAsync(portal, Baseline.NoordId, "Meet", "Invoer");

        var result = await AsAsync(Baseline.NoordTherapist, s => s.EnterAsync(patient, "nprs", new OutcomeInput { Value = "6" }, default));
        var list = await AsAsync(Baseline.NoordTherapist, s => s.ListAsync(patient, default));

        Assert.Equal(OutcomeCommandStatus.Done, result.Status);
        var stored = Assert.Single(await MeasurementsAsync(portal, patient));
        Assert.Equal((OutcomeStatus.Completed, 6.0, false), (stored.Status, stored.Score!.Value, stored.EnteredByPatient));
        Assert.NotNull(stored.RequestedById);
        var nprs = list!.Histories.Single(h => h.Form.Id == "nprs");
        Assert.Equal("Meet Invoer", list.PatientName);
        Assert.False(list.HasLogin);
        Assert.Equal(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(stored.CompletedAt!.Value, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).DateTime),
            Assert.Single(nprs.Measurements).CompletedOn);
    }

    [Fact]
    public async Task An_entry_with_field_errors_saves_nothing_and_says_what_is_wrong_at_each_field()
    {
        var patient = await TestPatients.NewAsync(portal, Baseline.NoordId, "Meet", "Foutje");

        var nprs = await AsAsync(Baseline.NoordTherapist, s => s.EnterAsync(patient, "nprs", new OutcomeInput { Value = "11" }, default));
        var psk = await AsAsync(Baseline.NoordTherapist, s => s.EnterAsync(patient, "psk", PskInput("Fietsen", "Tillen"), default));

        Assert.Equal(OutcomeCommandStatus.Invalid, nprs.Status);
        Assert.Contains("11", nprs.Scores!.Errors[OutcomeScorer.ValueField]);
        Assert.Equal(OutcomeCommandStatus.Invalid, psk.Status);
        Assert.True(psk.Scores!.Errors.ContainsKey(OutcomeScorer.ActivitiesField));
        Assert.Empty(await MeasurementsAsync(portal, patient));
    }

    [Fact]
    public async Task Another_practice_gets_not_found_for_every_read_and_command_and_nothing_changes()
    {
        var patient = await TestPatients.NewAsync(portal, Baseline.NoordId, "Meet", "Buiten");
        await AsAsync(Baseline.NoordTherapist, s => s.EnterAsync(patient, "nprs", new OutcomeInput { Value = "4" }, default));
        var request = await RequestAsync(portal, patient, "odi");

        var list = await AsAsync(Baseline.ZuidTherapist, s => s.ListAsync(patient, default));
        var overview = await AsAsync(Baseline.ZuidTherapist, s => s.OverviewAsync(patient, default));
        var entry = await AsAsync(Baseline.ZuidTherapist, s => s.NewEntryAsync(patient, "nprs", default));
        var entered = await AsAsync(Baseline.ZuidTherapist, s => s.EnterAsync(patient, "nprs", new OutcomeInput { Value = "2" }, default));
        var sent = await AsAsync(Baseline.ZuidTherapist, s => s.SendAsync(patient, "psk", default));
        var withdrawn = await AsAsync(Baseline.ZuidTherapist, s => s.WithdrawAsync(patient, request, default));

        Assert.Null(list);
        Assert.Equal((0, 0), (overview.Used.Count, overview.OpenRequests));
        Assert.Null(entry);
        Assert.Equal([OutcomeCommandStatus.NotFound, OutcomeCommandStatus.NotFound, OutcomeCommandStatus.NotFound], [entered.Status, sent.Status, withdrawn.Status]);
        Assert.Equal(["nprs", "odi"], (await MeasurementsAsync(portal, patient)).Select(m => m.InstrumentId).Order());
    }

    [Fact]
    public async Task A_sent_questionnaire_is_answered_once_by_the_patient_and_shown_as_theirs()
    {
        await ClearAsync(portal, Piet);

        var sent = await AsAsync(Baseline.NoordTherapist, s => s.SendAsync(Piet, "nprs", default));
        var again = await AsAsync(Baseline.NoordTherapist, s => s.SendAsync(Piet, "nprs", default));
        var open = await AsAsync(Baseline.NoordPatient, s => s.OpenQuestionnairesAsync(default));
        var id = Assert.Single(open).Id;
        var questionnaire = await AsAsync(Baseline.NoordPatient, s => s.QuestionnaireAsync(id, default));
        var answered = await AsAsync(Baseline.NoordPatient, s => s.SubmitQuestionnaireAsync(id, new OutcomeInput { Value = "4" }, default));
        var twice = await AsAsync(Baseline.NoordPatient, s => s.SubmitQuestionnaireAsync(id, new OutcomeInput { Value = "9" }, default));
        var list = await AsAsync(Baseline.NoordTherapist, s => s.ListAsync(Piet, default));

        Assert.Equal(OutcomeCommandStatus.Done, sent.Status);
        Assert.Equal(OutcomeCommandStatus.Refused, again.Status);
        Assert.Contains("NPRS", again.Problem);
        Assert.Equal(("nprs", (DateOnly?)null), (questionnaire!.Form.Id, questionnaire.CompletedOn));
        Assert.Equal(OutcomeCommandStatus.Done, answered.Status);
        Assert.Equal(OutcomeCommandStatus.AlreadyCompleted, twice.Status);
        Assert.NotNull(twice.CompletedOn);
        var stored = Assert.Single(await MeasurementsAsync(portal, Piet));
        Assert.Equal((OutcomeStatus.Completed, 4.0, true), (stored.Status, stored.Score!.Value, stored.EnteredByPatient));
        Assert.True(Assert.Single(list!.Histories.Single(h => h.Form.Id == "nprs").Measurements).EnteredByPatient);
        Assert.Empty(list.Requests);
        Assert.Empty(await AsAsync(Baseline.NoordPatient, s => s.OpenQuestionnairesAsync(default)));
    }

    [Fact]
    public async Task Another_patients_questionnaire_is_not_found_and_cannot_be_answered()
    {
        var other = await RequestAsync(portal, Baseline.ZuidPatientId, "nprs");

        var opened = await AsAsync(Baseline.NoordPatient, s => s.QuestionnaireAsync(other, default));
        var answered = await AsAsync(Baseline.NoordPatient, s => s.SubmitQuestionnaireAsync(other, new OutcomeInput { Value = "3" }, default));

        Assert.Null(opened);
        Assert.Equal(OutcomeCommandStatus.NotFound, answered.Status);
        Assert.Equal(OutcomeStatus.Requested, Assert.Single(await MeasurementsAsync(portal, Baseline.ZuidPatientId), m => m.Id == other).Status);
    }

    [Fact]
    public async Task A_request_is_withdrawn_once_and_a_patient_without_login_is_not_sent_one()
    {
        var withoutLogin = await TestPatients.NewAsync(portal, Baseline.NoordId, "Meet", "Zonder");
        await ClearAsync(portal, Piet);
        var request = await RequestAsync(portal, Piet, "ndi");

        var withdrawn = await AsAsync(Baseline.NoordTherapist, s => s.WithdrawAsync(Piet, request, default));
        var again = await AsAsync(Baseline.NoordTherapist, s => s.WithdrawAsync(Piet, request, default));
        var noLogin = await AsAsync(Baseline.NoordTherapist, s => s.SendAsync(withoutLogin, "ndi", default));

        Assert.Equal((OutcomeCommandStatus.Done, OutcomeCommandStatus.Refused, OutcomeCommandStatus.Refused), (withdrawn.Status, again.Status, noLogin.Status));
        Assert.Empty(await MeasurementsAsync(portal, Piet));
        Assert.Empty(await MeasurementsAsync(portal, withoutLogin));
    }

    [Fact]
    public async Task A_new_psk_starts_with_the_activities_of_the_previous_one()
    {
        var patient = await TestPatients.NewAsync(portal, Baseline.NoordId, "Meet", "Activiteit");
        await AsAsync(Baseline.NoordTherapist, s => s.EnterAsync(patient, "psk", PskInput("Fietsen", "Tillen", "Traplopen"), default));

        var entry = await AsAsync(Baseline.NoordTherapist, s => s.NewEntryAsync(patient, "psk", default));

        Assert.Equal(["Fietsen", "Tillen", "Traplopen"], entry!.PreviousActivities);
    }
}
