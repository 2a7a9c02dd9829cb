using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Web.Features.Intake;
using RugcentrumPortal.Web.Features.Safety;
using RugcentrumPortal.Web.Infrastructure.Time;
using static RugcentrumPortal.Web.Tests.Intake.IntakeTestKit;
using static RugcentrumPortal.Web.Tests.Safety.RedFlagCases;

namespace RugcentrumPortal.Web.Tests.Intake;

/// <summary>Recording a physician's clearance after an urgent or emergency screening: the service and the overview's form.</summary>
public class MedicalClearanceTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private DateOnly Today => portal.Services.GetRequiredService<PracticeClock>().Today;

    private ClearanceInput Complete() => new()
    {
        ClearedBy = "  Dr. M. Jansen ",
        Role = "neuroloog",
        Date = Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Excluded = "Cauda-equinasyndroom uitgesloten na MRI",
    };

    private async Task<(Guid PatientId, Guid Id)> EmergencyAsync()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        return (patientId, await SeedAsync(portal, patientId, Baseline.NoordTherapist, Screened(Urgency.Emergency)));
    }

    private async Task<CommandResult> RecordAsync(string email, Guid patientId, Guid id, ClearanceInput input)
    {
        await using var scope = await portal.Services.ScopeAsAsync(email);
        return await scope.ServiceProvider.GetRequiredService<AssessmentService>().RecordClearanceAsync(patientId, id, input, None);
    }

    [Fact]
    public async Task A_complete_clearance_is_stored_with_who_recorded_it_and_releases_the_plan()
    {
        var (patientId, id) = await EmergencyAsync();

        var result = await RecordAsync(Baseline.NoordTherapist, patientId, id, Complete());

        Assert.Equal(CommandStatus.Done, result.Status);
        var saved = await LoadAsync(portal, id);
        Assert.Equal(("Dr. M. Jansen", "neuroloog", (DateOnly?)Today.AddDays(-1), "Cauda-equinasyndroom uitgesloten na MRI"),
            (saved.ClearedBy, saved.ClearanceRole, saved.ClearedOn, saved.ClearanceExcluded));
        Assert.NotNull(saved.ClearanceRecordedAt);
        Assert.NotNull(saved.ClearanceRecordedById);
        Assert.False(PlanGate.HoldsBack(saved));
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);
        var overview = await scope.ServiceProvider.GetRequiredService<AssessmentService>().GetOverviewAsync(patientId, id, None);
        Assert.Equal(PlanUnlock.MedicalClearance, overview!.RequiredUnlock);
        Assert.Equal("Tom Therapeut", overview.Clearance!.RecordedBy);
        Assert.True(overview.PlanMayStart);
    }

    public static TheoryData<string, string> MissingFields => new()
    {
        { nameof(ClearanceInput.ClearedBy), "welke arts" },
        { nameof(ClearanceInput.Role), "rol van de arts" },
        { nameof(ClearanceInput.Date), "datum" },
        { nameof(ClearanceInput.Excluded), "wat de arts heeft uitgesloten" },
    };

    [Theory]
    [MemberData(nameof(MissingFields))]
    public async Task A_clearance_missing_one_field_gets_that_fields_message_and_stores_nothing(string field, string message)
    {
        CultureInfo.CurrentUICulture = new CultureInfo("nl");
        var (patientId, id) = await EmergencyAsync();
        var input = Complete();
        typeof(ClearanceInput).GetProperty(field)!.SetValue(input, "   ");

        var result = await RecordAsync(Baseline.NoordTherapist, patientId, id, input);

        Assert.Equal(CommandStatus.Invalid, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message);
        Assert.Null((await LoadAsync(portal, id)).ClearanceRecordedAt);
    }

    [Fact]
    public async Task A_clearance_dated_after_the_practices_today_or_unreadable_is_refused()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("nl");
        var (patientId, id) = await EmergencyAsync();
        var future = Complete();
        future.Date = Today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var unreadable = Complete();
        unreadable.Date = "2026-02-30";

        var tomorrow = await RecordAsync(Baseline.NoordTherapist, patientId, id, future);
        var impossible = await RecordAsync(Baseline.NoordTherapist, patientId, id, unreadable);

        Assert.Contains("in de toekomst", Assert.Single(tomorrow.ErrorsFor(nameof(ClearanceInput.Date))));
        Assert.Contains("bestaande datum", Assert.Single(impossible.ErrorsFor(nameof(ClearanceInput.Date))));
        Assert.Single(impossible.Errors);
        Assert.Null((await LoadAsync(portal, id)).ClearanceRecordedAt);
    }

    [Fact]
    public async Task The_messages_follow_the_users_language()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        var (patientId, id) = await EmergencyAsync();

        var result = await RecordAsync(Baseline.NoordTherapist, patientId, id, new ClearanceInput());

        Assert.Equal([nameof(ClearanceInput.ClearedBy), nameof(ClearanceInput.Date), nameof(ClearanceInput.Excluded), nameof(ClearanceInput.Role)],
            result.Errors.Select(e => e.Field).Order());
        Assert.Contains("enter which physician saw the patient", result.ErrorsFor(nameof(ClearanceInput.ClearedBy)).Single());
    }

    [Fact]
    public async Task Another_practice_cannot_record_a_clearance_it_is_not_found()
    {
        var (patientId, id) = await EmergencyAsync();

        var result = await RecordAsync(Baseline.ZuidTherapist, patientId, id, Complete());

        Assert.Equal(CommandStatus.NotFound, result.Status);
        Assert.Null((await LoadAsync(portal, id)).ClearanceRecordedAt);
    }

    [Fact]
    public async Task A_pluis_screening_needs_no_clearance_and_none_is_stored()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var id = await SeedAsync(portal, patientId, Baseline.NoordTherapist, Screened(Urgency.None));

        var result = await RecordAsync(Baseline.NoordTherapist, patientId, id, Complete());

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Null((await LoadAsync(portal, id)).ClearanceRecordedAt);
    }

    [Fact]
    public async Task The_overview_form_records_a_clearance_and_shows_who_cleared_when_and_what_was_excluded()
    {
        var (patientId, id) = await EmergencyAsync();
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var overview = await client.GetPageAsync($"/patienten/{patientId}/onderzoek/{id}");
        Assert.Contains("Medische vrijgave nodig", overview.Document.QuerySelector("#required-unlock")?.TextContent);
        Assert.Contains("Een behandelplan kan nog niet starten", overview.Document.QuerySelector(".plan-status")?.TextContent);

        var page = await client.SubmitAndFollowAsync(overview, ClearanceFormSelector, ClearanceForm(Today));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var recorded = page.Document.QuerySelector(".recorded-clearance")?.TextContent ?? "";
        Assert.Contains("Dr. M. Jansen", recorded);
        Assert.Contains("neuroloog", recorded);
        Assert.Contains(Today.AddDays(-1).ToString("D", CultureInfo.GetCultureInfo("nl")), recorded);
        Assert.Contains("Cauda-equinasyndroom uitgesloten na MRI", recorded);
        Assert.Contains("Tom Therapeut", recorded);
        Assert.Contains("Een behandelplan mag starten", page.Document.QuerySelector(".plan-status")?.TextContent);
    }

    [Fact]
    public async Task The_overview_form_shows_each_problem_at_its_field_in_english_and_keeps_what_was_typed()
    {
        var (patientId, id) = await EmergencyAsync();
        using var client = portal.CreatePortalClient();
        var login = await client.GetPageAsync("/account/inloggen");
        await client.SubmitAndFollowAsync(login, "form.language-switch", [], "culture", "en");
        await client.LoginAsync(Baseline.NoordTherapist);
        var overview = await client.GetPageAsync($"/patienten/{patientId}/onderzoek/{id}");
        Assert.Contains("Medical clearance needed", overview.Document.QuerySelector("#required-unlock")?.TextContent);

        var page = await client.SubmitAndFollowAsync(overview, ClearanceFormSelector, new()
        {
            ["Clearance.ClearedBy"] = "Dr. M. Jansen",
            ["Clearance.Date"] = Today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("enter the physician's role", page.Document.QuerySelector("#clearance-role")?.ParentElement?.TextContent);
        Assert.Contains("the date lies in the future", page.Document.QuerySelector("#clearance-date")?.ParentElement?.TextContent);
        Assert.Contains("describe what the physician excluded", page.Document.QuerySelector("#clearance-excluded")?.ParentElement?.TextContent);
        Assert.Equal("Dr. M. Jansen", page.Document.QuerySelector("#cleared-by")?.GetAttribute("value"));
        Assert.Null(page.Document.QuerySelector(".recorded-clearance"));
        Assert.Null((await LoadAsync(portal, id)).ClearanceRecordedAt);
    }

    [Fact]
    public async Task Another_practices_therapist_posting_their_own_valid_clearance_form_to_this_assessment_gets_404()
    {
        var (patientId, id) = await EmergencyAsync();
        using var zuid = portal.CreatePortalClient();
        await zuid.LoginAsync(Baseline.ZuidTherapist);
        var ownPatient = await TestPatients.NewAsync(portal, Baseline.ZuidId, "Ineke", "Intake", new(1980, 3, 3));
        var own = await SeedAsync(portal, ownPatient, Baseline.ZuidTherapist, Screened(Urgency.Emergency));
        var ownPage = await zuid.GetPageAsync($"/patienten/{ownPatient}/onderzoek/{own}");
        ownPage.Document.QuerySelector(ClearanceFormSelector)!.SetAttribute("action", $"/patienten/{patientId}/onderzoek/{id}");

        var response = await zuid.SubmitAsync(ownPage, ClearanceFormSelector, ClearanceForm(Today));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null((await LoadAsync(portal, id)).ClearanceRecordedAt);
    }
}
