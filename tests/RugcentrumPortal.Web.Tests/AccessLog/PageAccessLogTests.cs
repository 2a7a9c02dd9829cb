using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Tests.Outcomes;
using static RugcentrumPortal.Web.Tests.AccessLog.AccessLogTestKit;

namespace RugcentrumPortal.Web.Tests.AccessLog;

/// <summary>
/// Every page the portal serves that shows a patient's data, found from the app's own routes rather than a list kept
/// by hand: each, opened by a user who may, writes an access log line. A new page that does not, fails here.
/// </summary>
public partial class PageAccessLogTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Every_page_that_shows_patient_data_writes_an_access_log_line()
    {
        var values = await RouteValuesAsync();
        using var therapist = portal.CreatePortalClient();
        await therapist.LoginAsync(Baseline.NoordTherapist);
        using var patient = portal.CreatePortalClient();
        await patient.LoginAsync(Baseline.NoordPatient);

        var pages = PatientDataPages();
        Assert.True(pages.Count >= 20, $"Only {pages.Count} patient pages found; the enumeration is broken.");
        var silent = new List<string>();
        foreach (var (template, page) in pages)
        {
            var path = Fill(template, values);
            var before = await CountAsync(portal, Baseline.NoordPatientId, page.Name, KindOf(page));

            var response = await (template.StartsWith("/mijn", StringComparison.Ordinal) ? patient : therapist).GetAsync(path);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}; arrange what it needs.");
            if (await CountAsync(portal, Baseline.NoordPatientId, page.Name, KindOf(page)) != before + 1)
            {
                silent.Add($"{page.Name} {template}");
            }
        }
        Assert.Empty(silent);
    }

    [Fact]
    public async Task A_page_denied_to_the_user_writes_no_line()
    {
        using var patient = portal.CreatePortalClient();
        await patient.LoginAsync(Baseline.NoordPatient);
        var before = await CountAsync(portal, Baseline.NoordPatientId, "PatientDetail", AccessEvent.View);

        var response = await patient.GetAsync($"/patienten/{Baseline.NoordPatientId}");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await CountAsync(portal, Baseline.NoordPatientId, "PatientDetail", AccessEvent.View));
    }

    [Fact]
    public async Task The_plan_pdf_is_logged_as_an_export_and_a_saved_change_as_a_change()
    {
        await TestPlans.ActiveAsync(portal, Baseline.NoordPatientId, "chin-tuck");
        using var therapist = portal.CreatePortalClient();
        await therapist.LoginAsync(Baseline.NoordTherapist);
        var pdfBefore = await CountAsync(portal, Baseline.NoordPatientId, "PlanPdf", AccessEvent.PdfExport);

        var pdf = await therapist.GetAsync($"/patienten/{Baseline.NoordPatientId}/plan/pdf");

        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal(pdfBefore + 1, await CountAsync(portal, Baseline.NoordPatientId, "PlanPdf", AccessEvent.PdfExport));

        var changesBefore = await CountAsync(portal, Baseline.NoordPatientId, nameof(Patient), AccessEvent.Change);
        await using (var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist))
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var record = await db.Patients.FindAsync(Baseline.NoordPatientId);
            record!.Phone = "06-00000000";
            await db.SaveChangesAsync();
        }
        Assert.Equal(changesBefore + 1, await CountAsync(portal, Baseline.NoordPatientId, nameof(Patient), AccessEvent.Change));
    }

    private static AccessEvent KindOf(Type page) =>
        page.GetCustomAttributes(typeof(Features.AccessLog.AccessLoggedAsAttribute), false) is [Features.AccessLog.AccessLoggedAsAttribute marked] ? marked.Kind : AccessEvent.View;

    /// <summary>The component pages the app maps whose address is one patient's (/patienten/{...}) or the patient's own (/mijn).</summary>
    private List<(string Template, Type Page)> PatientDataPages() =>
        portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            .Select(e => (Template: "/" + e.RoutePattern.RawText!.TrimStart('/'), Page: e.Metadata.GetMetadata<ComponentTypeMetadata>()!.Type))
            .Where(p => p.Template.StartsWith("/patienten/{", StringComparison.Ordinal) || p.Template == "/mijn" || p.Template.StartsWith("/mijn/", StringComparison.Ordinal))
            .Distinct()
            .ToList();

    private async Task<Dictionary<string, string>> RouteValuesAsync()
    {
        var assessment = await TestAssessments.DraftAsync(portal, Baseline.NoordPatientId, "neck");
        var active = await TestPlans.ActiveAsync(portal, Baseline.NoordPatientId, "chin-tuck");
        var draft = await TestPlans.DraftAsync(portal, Baseline.NoordPatientId, "chin-tuck");
        var measurement = await OutcomeTestData.RequestAsync(portal, Baseline.NoordPatientId, "nprs");
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["PatientId"] = Baseline.NoordPatientId.ToString(),
            ["Id"] = Baseline.NoordPatientId.ToString(),
            ["AssessmentId"] = assessment.ToString(),
            ["PlanId"] = draft.Id.ToString(),
            ["PlanExerciseId"] = active.Exercises.First().Id.ToString(),
            ["MeasurementId"] = measurement.ToString(),
            ["InstrumentId"] = "nprs",
        };
    }

    private static string Fill(string template, Dictionary<string, string> values) =>
        Parameter().Replace(template, m => values.TryGetValue(m.Groups["name"].Value, out var value)
            ? value
            : throw new Xunit.Sdk.XunitException($"No test value for {{{m.Groups["name"].Value}}} in {template}: add one above."));

    [GeneratedRegex(@"\{(?<name>\w+)(:[^}]*)?\}")]
    private static partial Regex Parameter();
}
