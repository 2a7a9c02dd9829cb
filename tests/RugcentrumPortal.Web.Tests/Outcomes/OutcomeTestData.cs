using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Tests.Outcomes;

/// <summary>Shared steps for the outcome tests: forms on the page, and direct reads of what was stored.</summary>
public static class OutcomeTestData
{
    public const string EntryForm = "form:has(input[name=_handler][value=outcome-entry])";
    public const string SendForm = "form:has(input[name=_handler][value=outcome-send])";
    public const string WithdrawForm = "form:has(input[name=_handler][value=outcome-withdraw])";
    public const string QuestionnaireForm = "form:has(input[name=_handler][value=questionnaire])";

    public static string ListUrl(Guid patientId) => $"/patienten/{patientId}/metingen";

    public static string EntryUrl(Guid patientId, string instrument) => $"/patienten/{patientId}/metingen/nieuw/{instrument}";

    public static Dictionary<string, string?> Items(params int?[] items) =>
        items.Select((v, i) => (Key: $"Input.Items[{i}]", Value: v?.ToString() ?? "")).ToDictionary(p => p.Key, p => (string?)p.Value);

    public static Dictionary<string, string?> Psk(params (string Label, string Score)[] rows)
    {
        var values = new Dictionary<string, string?>();
        for (var i = 0; i < 5; i++)
        {
            values[$"Input.Activities[{i}].Label"] = i < rows.Length ? rows[i].Label : "";
            values[$"Input.Activities[{i}].Score"] = i < rows.Length ? rows[i].Score : "";
        }
        return values;
    }

    public static async Task<Page> EnterAsync(PortalClient client, Guid patientId, string instrument, Dictionary<string, string?> values)
    {
        var form = await client.GetPageAsync(EntryUrl(patientId, instrument));
        return await client.SubmitAndFollowAsync(form, EntryForm, values);
    }

    public static async Task<List<OutcomeMeasurement>> MeasurementsAsync(PortalFactory portal, Guid patientId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.ArrangeDb().OutcomeMeasurements.AsNoTracking()
            .Where(m => m.PatientId == patientId).OrderBy(m => m.RequestedAt).ToListAsync();
    }

    public static async Task ClearAsync(PortalFactory portal, Guid patientId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.ArrangeDb().OutcomeMeasurements.Where(m => m.PatientId == patientId).ExecuteDeleteAsync();
    }

    public static async Task<Guid> RequestAsync(PortalFactory portal, Guid patientId, string instrument)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        var request = new OutcomeMeasurement { PatientId = patientId, InstrumentId = instrument, Status = OutcomeStatus.Requested, RequestedAt = DateTimeOffset.UtcNow };
        db.OutcomeMeasurements.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }

    /// <summary>Points a form on the page at another address, as a forged post would; the token stays valid.</summary>
    public static Page Retarget(Page page, string formSelector, string path)
    {
        page.Document.QuerySelector(formSelector)!.SetAttribute("action", path);
        return page;
    }

    public static string Message(Page page, string id) => page.Document.QuerySelector($"#{id}-error")?.TextContent.Trim() ?? "";

    public static string Section(Page page, string instrument) => page.Document.QuerySelector($"#instrument-{instrument}")?.TextContent ?? "";
}
