using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Outcomes;
using RugcentrumPortal.Web.Tests.Components;
using RugcentrumPortal.Web.Tests.Intake;

namespace RugcentrumPortal.Web.Tests.Outcomes;

/// <summary>Shared steps for the outcome tests: forms on the page, and direct reads of what was stored.</summary>
public static class OutcomeTestData
{
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

    public static IRenderedComponent<OutcomeEntry> OpenEntry(this WorkspaceContext workspace, Guid patientId, string instrument)
    {
        var page = workspace.Open<OutcomeEntry>($"patienten/{patientId}/metingen/nieuw/{instrument}", p => p.Add(x => x.PatientId, patientId).Add(x => x.InstrumentId, instrument));
        page.WaitForElement("form");
        return page;
    }

    public static IRenderedComponent<OutcomeList> OpenList(this WorkspaceContext workspace, Guid patientId)
    {
        var page = workspace.Open<OutcomeList>($"patienten/{patientId}/metingen", p => p.Add(x => x.PatientId, patientId));
        page.WaitForElement("h1");
        return page;
    }

    /// <summary>
    /// Fills the live entry form as a therapist would, from the field names the answers were once posted under:
    /// a click on the scale for a value, typing for a PSK row.
    /// </summary>
    public static async Task Fill(this IRenderedComponent<OutcomeEntry> page, Dictionary<string, string?> values)
    {
        foreach (var (name, value) in values)
        {
            if (name == "Input.Value")
            {
                await page.On($"#value-{value}", e => e.Click());
            }
            else if (name.StartsWith("Input.Items[", StringComparison.Ordinal))
            {
                var index = name["Input.Items[".Length..^1];
                await page.On($"#item-{index}-{(string.IsNullOrEmpty(value) ? "none" : value)}", e => e.Click());
            }
            else
            {
                var row = name["Input.Activities[".Length..name.IndexOf(']')];
                var part = name.EndsWith(".Label", StringComparison.Ordinal) ? "label" : "score";
                await page.On($"#activity-{row}-{part}", e => e.Change(value ?? ""));
            }
        }
    }

    /// <summary>Enters a measurement on the live form, checks it was saved, and opens the list it leads to.</summary>
    public static async Task<IRenderedComponent<OutcomeList>> EnterAsync(this WorkspaceContext workspace, PortalFactory portal, Guid patientId, string instrument, Dictionary<string, string?> values)
    {
        var before = (await MeasurementsAsync(portal, patientId)).Count;
        var page = workspace.OpenEntry(patientId, instrument);
        await page.Fill(values);
        await page.On("form", e => e.Submit());
        var nav = workspace.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith($"/metingen?opgeslagen={instrument}#instrument-{instrument}", nav.Uri));
        Assert.Equal(before + 1, (await MeasurementsAsync(portal, patientId)).Count);
        var list = workspace.Render<OutcomeList>(p => p.Add(x => x.PatientId, patientId));
        list.WaitForElement($"#instrument-{instrument}");
        return list;
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

    /// <summary>A post as an old form would send it, with the valid token the page's sign-out form carries.</summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(PortalClient client, string path, Dictionary<string, string> values)
    {
        var page = await client.GetPageAsync(path);
        values["__RequestVerificationToken"] = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.Http.PostAsync(path, new FormUrlEncodedContent(values));
    }

    /// <summary>Points a form on the page at another address, as a forged post would; the token stays valid.</summary>
    public static Page Retarget(Page page, string formSelector, string path)
    {
        page.Document.QuerySelector(formSelector)!.SetAttribute("action", path);
        return page;
    }

    public static string Message<T>(IRenderedComponent<T> page, string id) where T : IComponent =>
        page.FindAll($"#{id}-error").FirstOrDefault()?.TextContent.Trim() ?? "";

    public static string Section(Page page, string instrument) => page.Document.QuerySelector($"#instrument-{instrument}")?.TextContent ?? "";

    public static string Section(IRenderedComponent<OutcomeList> page, string instrument) => page.FindAll($"#instrument-{instrument}").FirstOrDefault()?.TextContent ?? "";
}
