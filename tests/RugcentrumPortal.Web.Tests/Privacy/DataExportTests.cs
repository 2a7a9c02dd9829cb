using System.Net;
using System.Text.Json;
using RugcentrumPortal.Web.Tests.PlanPrint;

namespace RugcentrumPortal.Web.Tests.Privacy;

public class DataExportTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_patient_downloads_their_own_data_as_json_with_their_messages_and_without_secrets_or_anyone_elses_data()
    {
        var (patientId, email) = await PrivacyTestKit.PatientWithLoginAsync(portal, Baseline.NoordId);
        using var patient = portal.CreatePortalClient();
        await patient.LoginAsync(email, PrivacyTestKit.Password);

        var response = await patient.GetAsync("/mijn/gegevens/export.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var json = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(json);
        Assert.Equal(patientId, document.RootElement.GetProperty("patient").GetProperty("id").GetGuid());
        Assert.Equal("Mijn knie doet minder pijn", document.RootElement.GetProperty("messages")[0].GetProperty("text").GetString());
        Assert.True(document.RootElement.GetProperty("reminderSettings").GetProperty("enabled").GetBoolean());
        Assert.DoesNotContain("sleutel-p256dh", json);
        Assert.DoesNotContain("passwordHash", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Baseline.NoordPatientId.ToString(), json);
        Assert.DoesNotContain("Piet", json);
    }

    [Fact]
    public async Task The_readable_pdf_has_the_patients_name_and_their_messages_under_dutch_headings()
    {
        var (_, email) = await PrivacyTestKit.PatientWithLoginAsync(portal, Baseline.NoordId);
        using var patient = portal.CreatePortalClient();
        await patient.LoginAsync(email, PrivacyTestKit.Password);

        var response = await patient.GetAsync("/mijn/gegevens/export.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = string.Join("\n", await PdfTools.PagesAsync(await response.Content.ReadAsByteArrayAsync()));
        Assert.Contains("Mijn gegevens in het Rugcentrum Portaal", text);
        Assert.Contains("Wies", text);
        Assert.Contains("Berichten", text);
        Assert.Contains("Mijn knie doet minder pijn", text);
    }

    [Fact]
    public async Task Staff_cannot_use_the_patients_download()
    {
        using var therapist = portal.CreatePortalClient();
        await therapist.LoginAsync(Baseline.NoordTherapist);

        var response = await therapist.GetAsync("/mijn/gegevens/export.json");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
