using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using RugcentrumPortal.Clinical.Examination;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Privacy;
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

    [Fact]
    public async Task Every_field_of_a_full_export_has_a_label_and_every_coded_value_a_name_in_words()
    {
        var (_, email) = await FullExport.PatientAsync(portal);
        await using var scope = await portal.Services.ScopeAsAsync(email);
        var export = await scope.ServiceProvider.GetRequiredService<PatientDataExporter>().ForSignedInPatientAsync(default);
        var text = scope.ServiceProvider.GetRequiredService<IStringLocalizer<Texts>>();
        var names = scope.ServiceProvider.GetRequiredService<ExportTexts>();
        var root = JsonSerializer.SerializeToNode(export, PatientDataExport.Json)!.AsObject();

        var fields = root.SelectMany(section => FieldNames(section.Value)).Distinct().Order().ToList();

        Assert.Contains("sourceAssessmentId", fields);
        Assert.Contains("neurologicalRecordedAt", fields);
        Assert.Contains("fromPatient", fields);
        var unlabelled = fields.Where(name => text[ExportTexts.FieldPrefix + name].ResourceNotFound).ToList();
        var unnamedSections = root.Select(section => section.Key).Where(name => name != "madeAt" && text["MyData.Section." + name].ResourceNotFound).ToList();
        Assert.True(unlabelled.Count == 0, "Fields without a label: " + string.Join(", ", unlabelled));
        Assert.Empty(unnamedSections);
        var coded = SectionTypes(export!).SelectMany(type => EnumsOf(type, [])).Distinct().ToList();
        Assert.Contains(typeof(NeuroFinding), coded);
        Assert.Contains(typeof(ReminderDays), coded);
        var unnamedCodes = coded.Where(type => !names.NamesEveryValueOf(type)).Select(type => type.Name).ToList();
        Assert.True(unnamedCodes.Count == 0, "Enums with a value not named in words: " + string.Join(", ", unnamedCodes));
    }

    [Fact]
    public async Task The_pdf_shows_dutch_labels_dates_and_words_instead_of_json_names_iso_dates_and_codes()
    {
        var (_, email) = await FullExport.PatientAsync(portal);
        using var patient = portal.CreatePortalClient();
        await patient.LoginAsync(email, PrivacyTestKit.Password);

        var pdf = await (await patient.GetAsync("/mijn/gegevens/export.pdf")).Content.ReadAsByteArrayAsync();
        // Read as running text: a long value wraps within its column.
        var text = System.Text.RegularExpressions.Regex.Replace(string.Join("\n", await PdfTools.PagesAsync(pdf)), @"\s+", " ");
        await PdfTools.FirstPageImageAsync(pdf, "data-export");

        Assert.Contains("Voornaam", text);
        Assert.Contains("28 november 2026 14:05", text);
        Assert.Contains("Geboortedatum", text);
        Assert.Contains("Gepauzeerd", text);
        Assert.Contains("Dagen Maandag, Donderdag Tijdstip 09:00 Taal Nederlands", text);
        Assert.Contains("Van de patiënt nee", text);
        Assert.Contains(FullExport.RatedMuscle.Name.Get("nl"), text);
        Assert.DoesNotContain(FullExport.RatedMuscle.Id, text);
        Assert.DoesNotContain("firstName", text);
        Assert.DoesNotContain("createdAt", text);
        Assert.DoesNotContain("2026-11-28", text);
        Assert.DoesNotContain("Paused", text);
        Assert.DoesNotContain("false", text);
    }

    /// <summary>The name of every field in one section, at any depth.</summary>
    private static IEnumerable<string> FieldNames(JsonNode? node) => node switch
    {
        JsonArray list => list.SelectMany(FieldNames),
        JsonObject fields => fields.SelectMany(field => FieldNames(field.Value).Prepend(field.Key)),
        _ => [],
    };

    /// <summary>The type of each section's items: as declared, or, where the exporter shapes them itself, as written.</summary>
    private static IEnumerable<Type> SectionTypes(PatientDataExport export) =>
        PatientDataExport.Json.GetTypeInfo(typeof(PatientDataExport)).Properties.SelectMany(section => section.Get?.Invoke(export) switch
        {
            string or DateTimeOffset or null => [],
            IEnumerable<object> items when section.PropertyType.GetGenericArguments() is [var declared] && declared != typeof(object) => [declared],
            IEnumerable<object> items => items.Select(item => item.GetType()),
            { } single => [single.GetType()],
        });

    /// <summary>Every enum the export's contract can write, including those of fields the full export leaves empty.</summary>
    private static IEnumerable<Type> EnumsOf(Type type, HashSet<Type> seen)
    {
        foreach (var property in PatientDataExport.Json.GetTypeInfo(type).Properties)
        {
            var inner = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            inner = inner.IsGenericType && inner != typeof(string) && inner.GetGenericArguments() is [var element] ? Nullable.GetUnderlyingType(element) ?? element : inner;
            if (inner.IsEnum)
            {
                yield return inner;
            }
            else if (inner.IsClass && inner.Namespace?.StartsWith("RugcentrumPortal", StringComparison.Ordinal) == true
                && inner != typeof(Patient) && inner != typeof(ApplicationUser) && inner != typeof(Practice) && seen.Add(inner))
            {
                foreach (var found in EnumsOf(inner, seen))
                {
                    yield return found;
                }
            }
        }
    }
}
