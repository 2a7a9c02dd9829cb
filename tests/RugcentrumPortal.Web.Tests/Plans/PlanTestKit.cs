using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Web.Features.Plans;
using RugcentrumPortal.Web.Tests.Components;
using RugcentrumPortal.Web.Tests.Intake;

namespace RugcentrumPortal.Web.Tests.Plans;

/// <summary>Opens the live plan pages and works in them as a therapist does: each step acts on the renderer's thread.</summary>
internal static class PlanTestKit
{
    public static IRenderedComponent<PlanPage> OpenPlanPage(this WorkspaceContext workspace, Guid patientId)
    {
        var page = workspace.Open<PlanPage>($"patienten/{patientId}/plan", p => p.Add(x => x.PatientId, patientId));
        page.WaitForElement("h1");
        return page;
    }

    public static IRenderedComponent<PlanEditor> OpenEditor(this WorkspaceContext workspace, Guid patientId, Guid planId)
    {
        var page = workspace.Open<PlanEditor>($"patienten/{patientId}/plan/{planId}", p => p.Add(x => x.PatientId, patientId).Add(x => x.PlanId, planId));
        page.WaitForElement("h1");
        return page;
    }

    public static IRenderedComponent<PlanEditor> OpenTemplateEditor(this WorkspaceContext workspace, Guid templateId)
    {
        var page = workspace.Open<PlanEditor>($"plannen/sjablonen/{templateId}/bewerken", p => p.Add(x => x.TemplateId, templateId));
        page.WaitForElement("#template-name");
        return page;
    }

    public static IRenderedComponent<PlanTemplates> OpenTemplates(this WorkspaceContext workspace, Guid? templateId = null)
    {
        var page = workspace.Open<PlanTemplates>(templateId is { } id ? $"plannen/sjablonen/{id}" : "plannen/sjablonen", p => p.Add(x => x.TemplateId, templateId));
        page.WaitForElement("h1");
        return page;
    }

    /// <summary>How many of the editor's commands (saves, moves, activations) have come back.</summary>
    public static int Done(this IRenderedComponent<PlanEditor> page) => int.Parse(page.Find("#save-status").GetAttribute("data-done")!);

    /// <summary>Does something that sends one command, and waits until it has come back.</summary>
    public static async Task Command(this IRenderedComponent<PlanEditor> page, string selector, Action<AngleSharp.Dom.IElement> act)
    {
        var before = page.Done();
        await page.On(selector, act);
        page.WaitForAssertion(() => Assert.True(page.Done() > before, $"no command came back after {selector}"));
    }

    /// <summary>Changes an input's value, as leaving the field after typing does, and waits for the save it starts.</summary>
    public static Task Type(this IRenderedComponent<PlanEditor> page, string inputId, string value) =>
        page.Command($"#{inputId}", e => e.Change(value));

    public static Task Press(this IRenderedComponent<PlanEditor> page, string buttonId) => page.Command($"#{buttonId}", e => e.Click());

    /// <summary>A button found by its accessible name, as a screen reader user finds it.</summary>
    public static Task PressNamed(this IRenderedComponent<PlanEditor> page, string ariaLabel) =>
        page.Command($"button[aria-label='{ariaLabel}']", e => e.Click());

    /// <summary>Types in the library's search box and waits for its list to follow.</summary>
    public static async Task SearchAsync(this IRenderedComponent<PlanEditor> page, string text)
    {
        await page.On("#library-text", e => e.Input(text));
        page.WaitForAssertion(() => Assert.Equal(ExerciseLibrary.Search(text, null, null, null).Count, page.FindAll(".library-item").Count));
    }

    /// <summary>Asks the library for all its exercises, as the "show all" button does.</summary>
    public static async Task ShowAllAsync(this IRenderedComponent<PlanEditor> page)
    {
        await page.On("#library-show-all", e => e.Click());
        page.WaitForElement(".library-item");
    }

    /// <summary>Opens a select by its input id and picks the option with this text.</summary>
    public static async Task ChooseAsync<TPage>(this IRenderedComponent<TPage> page, WorkspaceContext workspace, string inputId, string option) where TPage : IComponent
    {
        await page.InvokeAsync(() => page.Find($"#{inputId}").Closest(".mud-input-control")!.QuerySelector(".mud-input")!.MouseDown());
        workspace.Popovers.WaitForElement($".mud-list-item:contains('{option}')");
        await workspace.Popovers.InvokeAsync(() => workspace.Popovers.FindAll(".mud-list-item").First(i => i.TextContent.Trim() == option).Click());
    }

    /// <summary>The message shown under an input, by the input's id.</summary>
    public static string FieldMessage<TPage>(this IRenderedComponent<TPage> page, string inputId) where TPage : IComponent =>
        page.Find($"#{inputId}").Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() ?? "";

    public static string Value<TPage>(this IRenderedComponent<TPage> page, string inputId) where TPage : IComponent =>
        page.Find($"#{inputId}").GetAttribute("value") ?? page.Find($"#{inputId}").TextContent;

    /// <summary>Where the page sent the therapist, as a path.</summary>
    public static string Path(this WorkspaceContext workspace) =>
        new Uri(workspace.Services.GetRequiredService<NavigationManager>().Uri).AbsolutePath;
}
