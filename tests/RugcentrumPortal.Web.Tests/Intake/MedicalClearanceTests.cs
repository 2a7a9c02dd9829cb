using System.Globalization;
using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Web.Features.Intake;
using RugcentrumPortal.Web.Features.Safety;
using RugcentrumPortal.Web.Infrastructure.Time;
using RugcentrumPortal.Web.Tests.Components;
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

    private static async Task FillClearance(IRenderedComponent<AssessmentOverview> page, string? by, string? role, DateOnly? date, string? excluded)
    {
        if (by is not null)
        {
            await page.On("#cleared-by", e => e.Change(by));
        }
        if (role is not null)
        {
            await page.On("#clearance-role", e => e.Change(role));
        }
        if (date is { } day)
        {
            var typed = day.ToString("d", CultureInfo.CurrentCulture);
            await page.On("#clearance-date", e => e.Change(typed));
            // The date picker reads typed text on its own schedule; submitting before it has would send no date.
            page.WaitForAssertion(() => Assert.Equal(typed, page.Find("#clearance-date").GetAttribute("value")));
        }
        if (excluded is not null)
        {
            await page.On("#clearance-excluded", e => e.Change(excluded));
        }
        await page.On("section.clearance form", e => e.Submit());
    }

    [Fact]
    public async Task The_overview_form_records_a_clearance_and_shows_who_cleared_when_and_what_was_excluded()
    {
        var (patientId, id) = await EmergencyAsync();
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");
        var page = workspace.OpenOverview(patientId, id);
        Assert.Contains("Medische vrijgave nodig", page.Find("#required-unlock").TextContent);
        Assert.Contains("Een behandelplan kan nog niet starten", page.Find(".plan-status").TextContent);

        await FillClearance(page, "Dr. M. Jansen", "neuroloog", Today.AddDays(-1), "Cauda-equinasyndroom uitgesloten na MRI");

        page.WaitForElement(".recorded-clearance");
        var recorded = page.Find(".recorded-clearance").TextContent;
        Assert.Contains("Dr. M. Jansen", recorded);
        Assert.Contains("neuroloog", recorded);
        Assert.Contains(Today.AddDays(-1).ToString("D", CultureInfo.GetCultureInfo("nl")), recorded);
        Assert.Contains("Cauda-equinasyndroom uitgesloten na MRI", recorded);
        Assert.Contains("Tom Therapeut", recorded);
        Assert.Contains("Een behandelplan mag starten", page.Find(".plan-status").TextContent);
        Assert.Contains("Vastgelegd: de medische vrijgave staat hieronder", page.Find("#required-unlock").TextContent);
        var saved = await LoadAsync(portal, id);
        Assert.Equal((DateOnly?)Today.AddDays(-1), saved.ClearedOn);
        Assert.False(PlanGate.HoldsBack(saved));
    }

    [Fact]
    public async Task The_overview_form_shows_each_problem_at_its_field_in_english_and_keeps_what_was_typed()
    {
        var (patientId, id) = await EmergencyAsync();
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist, "en");
        IntakeTestKit.SpeakAs("en");
        var page = workspace.OpenOverview(patientId, id);
        Assert.Contains("Medical clearance needed", page.Find("#required-unlock").TextContent);

        await FillClearance(page, "Dr. M. Jansen", null, Today.AddDays(3), null);

        page.WaitForAssertion(() =>
        {
            Assert.Contains("enter the physician's role", page.AroundInput("clearance-role"));
            Assert.Contains("the date lies in the future", page.AroundInput("clearance-date"));
            Assert.Contains("describe what the physician excluded", page.AroundInput("clearance-excluded"));
        });
        Assert.Equal("Dr. M. Jansen", page.Find("#cleared-by").GetAttribute("value"));
        Assert.Empty(page.FindAll(".recorded-clearance"));
        Assert.Null((await LoadAsync(portal, id)).ClearanceRecordedAt);
    }

    [Fact]
    public async Task Another_practices_therapist_cannot_open_the_overview_or_record_a_clearance_on_it()
    {
        var (patientId, id) = await EmergencyAsync();
        using var zuid = portal.CreatePortalClient();
        await zuid.LoginAsync(Baseline.ZuidTherapist);

        var opened = await zuid.GetAsync($"/patienten/{patientId}/onderzoek/{id}");
        var recorded = await RecordAsync(Baseline.ZuidTherapist, patientId, id, Complete());

        Assert.Equal(HttpStatusCode.NotFound, opened.StatusCode);
        Assert.DoesNotContain("Ineke", await opened.Content.ReadAsStringAsync());
        Assert.Equal(CommandStatus.NotFound, recorded.Status);
        Assert.Null((await LoadAsync(portal, id)).ClearanceRecordedAt);
    }
}
