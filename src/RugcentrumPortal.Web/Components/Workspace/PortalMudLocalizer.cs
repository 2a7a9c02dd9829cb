using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace RugcentrumPortal.Web.Components.Workspace;

/// <summary>
/// MudBlazor's own words (dialogs, tables, date pickers, uploads) in Dutch. English is MudBlazor's built-in
/// language, so for English, and for any key not listed here, it keeps its own text.
/// </summary>
public sealed class PortalMudLocalizer : MudLocalizer
{
    private static readonly Dictionary<string, string> Dutch = new(StringComparer.Ordinal)
    {
        ["MudAlert_Close"] = "Sluiten",
        ["MudBaseDatePicker_NextMonth"] = "Volgende maand {0}",
        ["MudBaseDatePicker_NextYear"] = "Volgend jaar {0}",
        ["MudBaseDatePicker_Open"] = "Kalender openen",
        ["MudBaseDatePicker_PrevMonth"] = "Vorige maand {0}",
        ["MudBaseDatePicker_PrevYear"] = "Vorig jaar {0}",
        ["MudBreadcrumbs_Label"] = "Kruimelpad",
        ["MudChip_Close"] = "Verwijderen",
        ["MudDataGridPager_AllItems"] = "Alle",
        ["MudDataGridPager_FirstPage"] = "Eerste pagina",
        ["MudDataGridPager_InfoFormat"] = "{0}-{1} van {2}",
        ["MudDataGridPager_LastPage"] = "Laatste pagina",
        ["MudDataGridPager_NextPage"] = "Volgende pagina",
        ["MudDataGridPager_PreviousPage"] = "Vorige pagina",
        ["MudDataGridPager_RowsPerPage"] = "Rijen per pagina:",
        ["MudDataGrid_Loading"] = "Bezig met laden…",
        ["MudDataGrid_MoveDown"] = "Omlaag",
        ["MudDataGrid_MoveUp"] = "Omhoog",
        ["MudDataGrid_Sort"] = "Sorteren",
        ["MudDataGrid_Unsort"] = "Niet sorteren",
        ["MudDateRangePicker_End"] = "Einddatum",
        ["MudDateRangePicker_Start"] = "Begindatum",
        ["MudDialog_Close"] = "Sluiten",
        ["MudExitPrompt_Cancel"] = "Annuleren",
        ["MudExitPrompt_Exit"] = "Verlaten",
        ["MudExitPrompt_Text"] = "Pagina verlaten? Wat u nog niet hebt opgeslagen, gaat verloren.",
        ["MudExitPrompt_Title"] = "Pagina verlaten",
        ["MudFileUpload_Button"] = "Bestand kiezen",
        ["MudFileUpload_DragAndDrop"] = "Sleep bestanden hierheen of klik om te kiezen",
        ["MudFileUpload_FileSizeError"] = "Het bestand '{0}' is groter dan de toegestane {1} bytes.",
        ["MudFileUpload_MaximumFileCountExceeded"] = "U koos {0} bestanden; het maximum is {1}.",
        ["MudFormComponent_Required"] = "Dit veld is verplicht.",
        ["MudInput_Clear"] = "Leegmaken",
        ["MudInput_Decrement"] = "Verlagen",
        ["MudInput_Increment"] = "Verhogen",
        ["MudNavGroup_ToggleExpand"] = "{0} openen of sluiten",
        ["MudPagination_CurrentPage"] = "Huidige pagina {0}",
        ["MudPagination_FirstPage"] = "Eerste pagina",
        ["MudPagination_LastPage"] = "Laatste pagina",
        ["MudPagination_NextPage"] = "Volgende pagina",
        ["MudPagination_PageIndex"] = "Pagina {0}",
        ["MudPagination_PreviousPage"] = "Vorige pagina",
        ["MudRatingItem_Label"] = "{0} sterren",
        ["MudRating_Label"] = "Beoordeling",
        ["MudSelect_SelectAll"] = "Alles kiezen",
        ["MudSnackbar_Close"] = "Sluiten",
        ["MudStepper_Complete"] = "Afronden",
        ["MudStepper_Next"] = "Volgende",
        ["MudStepper_Previous"] = "Vorige",
        ["MudStepper_Reset"] = "Opnieuw",
        ["MudStepper_Skip"] = "Overslaan",
        ["MudTablePager_FirstPage"] = "Eerste pagina",
        ["MudTablePager_LastPage"] = "Laatste pagina",
        ["MudTablePager_NextPage"] = "Volgende pagina",
        ["MudTablePager_PreviousPage"] = "Vorige pagina",
        ["MudTable_Loading"] = "Bezig met laden…",
        ["MudTabs_ScrollLeft"] = "Tabbladen naar links",
        ["MudTabs_ScrollRight"] = "Tabbladen naar rechts",
        ["MudTimePicker_Open"] = "Klok openen",
        ["MudTreeView_CollapseItem"] = "Inklappen",
        ["MudTreeView_ExpandItem"] = "Uitklappen",
    };

    public override LocalizedString this[string key] =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "nl" && Dutch.TryGetValue(key, out var text)
            ? new LocalizedString(key, text)
            : new LocalizedString(key, key, resourceNotFound: true);

    public override LocalizedString this[string key, params object[] arguments]
    {
        get
        {
            var text = this[key];
            return text.ResourceNotFound
                ? text
                : new LocalizedString(key, string.Format(CultureInfo.CurrentCulture, text.Value, arguments));
        }
    }
}
