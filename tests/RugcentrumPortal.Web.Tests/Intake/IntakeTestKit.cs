using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Intake;
using RugcentrumPortal.Web.Tests.Components;

namespace RugcentrumPortal.Web.Tests.Intake;

/// <summary>Shared steps for the intake tests: start or seed an assessment, open its live pages, answer and read them.</summary>
internal static class IntakeTestKit
{
    public static IEnumerable<string> AskedItemIds => ClinicalCatalog.Default.RedFlags.Where(r => r.IsAsked).Select(r => r.Id);

    /// <summary>Starts an assessment as the therapist does on the start page, through its service.</summary>
    public static async Task<Guid> StartAsync(PortalFactory portal, Guid patientId, string kind = "Intake", string email = Baseline.NoordTherapist)
    {
        await using var scope = await portal.Services.ScopeAsAsync(email);
        var result = await scope.ServiceProvider.GetRequiredService<AssessmentService>().StartAsync(patientId, kind, CancellationToken.None);
        return result.Id!.Value;
    }

    /// <summary>
    /// The culture the page renders in. It is set here, in the test's own flow, because a culture set inside an
    /// awaited method does not outlive that method.
    /// </summary>
    public static void SpeakAs(string language) =>
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = Web.Infrastructure.Localization.Culture(language);

    /// <summary>Renders a page, with the workspace's providers the first time only, as one browser tab has them once.</summary>
    /// <remarks>The address is the page's own, so leaving it is a navigation as in the browser.</remarks>
    public static IRenderedComponent<TPage> Open<TPage>(this WorkspaceContext workspace, string path, Action<ComponentParameterCollectionBuilder<TPage>> parameters)
        where TPage : IComponent
    {
        workspace.Services.GetRequiredService<NavigationManager>().NavigateTo(path);
        return workspace.Dialogs is null ? workspace.RenderPage(parameters) : workspace.Render(parameters);
    }

    public static IRenderedComponent<IntakeForm> OpenIntake(this WorkspaceContext workspace, Guid patientId, Guid id)
    {
        var page = workspace.Open<IntakeForm>($"patienten/{patientId}/onderzoek/{id}/intake", p => p.Add(x => x.PatientId, patientId).Add(x => x.AssessmentId, id));
        page.WaitForElement("#complaint-description");
        return page;
    }

    public static IRenderedComponent<AssessmentOverview> OpenOverview(this WorkspaceContext workspace, Guid patientId, Guid id)
    {
        var page = workspace.Open<AssessmentOverview>($"patienten/{patientId}/onderzoek/{id}", p => p.Add(x => x.PatientId, patientId).Add(x => x.AssessmentId, id));
        page.WaitForElement("h1");
        return page;
    }

    /// <summary>
    /// Finds an element and acts on it in one step on the renderer's thread, so a render in between cannot replace
    /// the element (and its event handler) after it was found.
    /// </summary>
    public static Task On<T>(this IRenderedComponent<T> page, string selector, Action<AngleSharp.Dom.IElement> act) where T : IComponent =>
        page.InvokeAsync(() => act(page.Find(selector)));

    /// <summary>Answers every asked question: yes for the given ones, no for the rest, as a click on each radio.</summary>
    public static async Task AnswerAll(this IRenderedComponent<IntakeForm> page, params string[] yes)
    {
        foreach (var id in AskedItemIds)
        {
            await page.Answer(id, yes.Contains(id));
        }
    }

    public static Task Answer(this IRenderedComponent<IntakeForm> page, string id, bool yes) =>
        page.On($"#a-{id}-{(yes ? "yes" : "no")}", e => e.Click());

    public static Task SaveDraft(this IRenderedComponent<IntakeForm> page) => page.On("form", e => e.Submit());

    public static Task CompleteScreening(this IRenderedComponent<IntakeForm> page) =>
        page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Contains("screening afronden")).Click());

    public static string Uri(this WorkspaceContext workspace) => workspace.Services.GetRequiredService<NavigationManager>().Uri;

    public static async Task<ClinicalAssessment> LoadAsync(PortalFactory portal, Guid id)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.ArrangeDb().Assessments.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    public static async Task<List<ClinicalAssessment>> ForPatientAsync(PortalFactory portal, Guid patientId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.ArrangeDb().Assessments.AsNoTracking()
            .Where(a => a.PatientId == patientId).OrderBy(a => a.CreatedAt).ToListAsync();
    }

    public static async Task<Guid> SeedAsync(PortalFactory portal, Guid patientId, string therapistEmail, Action<ClinicalAssessment>? change = null)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        var therapistId = (await db.Users.SingleAsync(u => u.Email == therapistEmail)).Id;
        var now = DateTimeOffset.UtcNow;
        var assessment = new ClinicalAssessment
        {
            PatientId = patientId,
            TherapistId = therapistId,
            Kind = AssessmentKind.Intake,
            Status = AssessmentStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
            ComplaintDescription = "Zaadje van de test",
        };
        change?.Invoke(assessment);
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        return assessment.Id;
    }

    /// <summary>A screened niet-pluis assessment (night pain and weight loss), with no decision yet.</summary>
    public static void NietPluis(ClinicalAssessment a)
    {
        a.RedFlagsPresent = ["night-pain", "weight-loss"];
        a.RedFlagsAbsent = [.. AskedItemIds.Except(a.RedFlagsPresent)];
        a.AgeAtOnset = 40;
        a.Conclusion = Clinical.Screening.ScreeningConclusion.NietPluis;
        a.HighestUrgency = Clinical.Screening.Urgency.UrgentGp;
        a.FlagsFound = ["night-pain", "weight-loss"];
        a.ScreenedAt = DateTimeOffset.UtcNow;
    }

    /// <summary>The validation messages inside an element of the page, joined.</summary>
    public static string FieldMessages<T>(this IRenderedComponent<T> page, string containerSelector) where T : IComponent =>
        string.Join(" | ", page.FindAll($"{containerSelector} .validation-message, {containerSelector} .mud-input-helper-text.mud-input-error").Select(m => m.TextContent.Trim()));

    /// <summary>The text around an input: its label, value and message, as the user reads them together.</summary>
    public static string AroundInput<T>(this IRenderedComponent<T> page, string inputId) where T : IComponent =>
        page.Find($"#{inputId}").Closest(".mud-input-control")?.TextContent ?? "";
}
