using AngleSharp.Dom;
using Microsoft.AspNetCore.Components;
using RugcentrumPortal.Web.Tests.Components;

namespace RugcentrumPortal.Web.Tests.Patients;

/// <summary>Types into the patient form as a therapist would, on the new-patient page and the edit page alike.</summary>
internal static class PatientFormDriver
{
    public static IRenderedComponent<TPage> Open<TPage>(WorkspaceContext workspace, Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : IComponent
    {
        var page = workspace.RenderPage(parameters);
        page.WaitForElement("#first-name");
        return page;
    }

    /// <summary>Sets each input, by id, as a change of its value.</summary>
    public static void Fill<TPage>(IRenderedComponent<TPage> page, Dictionary<string, string> values) where TPage : IComponent
    {
        foreach (var (id, value) in values)
        {
            page.Find($"#{id}").Change(value);
        }
    }

    /// <summary>Opens the therapist list and picks the one with this name.</summary>
    public static async Task ChooseTherapistAsync<TPage>(WorkspaceContext workspace, IRenderedComponent<TPage> page, string name) where TPage : IComponent
    {
        await page.Find("#therapist").Closest(".mud-input-control")!.QuerySelector(".mud-input")!.MouseDownAsync(new());
        var item = workspace.Popovers.WaitForElement($".mud-list-item:contains('{name}')");
        await item.ClickAsync(new());
    }

    /// <summary>The message MudBlazor shows under an input, by the input's id.</summary>
    public static string FieldMessage<TPage>(IRenderedComponent<TPage> page, string fieldId) where TPage : IComponent =>
        page.Find($"#{fieldId}").Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent ?? "";
}
