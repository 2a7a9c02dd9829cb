using MudBlazor;

namespace RugcentrumPortal.Web.Components.Workspace;

/// <summary>
/// The portal's one MudBlazor theme: the calm green of the practice, text at AA contrast or better on every
/// surface, body text at 18 px and controls at least 48 px high for older hands and tired eyes.
/// </summary>
public static class PortalTheme
{
    private static readonly string[] FontStack = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static readonly MudTheme Value = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5f5b",
            PrimaryDarken = "#164542",
            Secondary = "#1a4f7a",
            Tertiary = "#6b5e3f",
            Info = "#1a4f7a",
            Success = "#2e6b30",
            Warning = "#8a5a00",
            Error = "#a4161a",
            Background = "#fbfaf7",
            Surface = "#ffffff",
            AppbarBackground = "#1f5f5b",
            AppbarText = "#ffffff",
            TextPrimary = "#1d1d1d",
            TextSecondary = "#4a4f55",
            ActionDefault = "#4a4f55",
            LinesInputs = "#6b7075",
            TableLines = "#d9d4c7",
            Divider = "#d9d4c7",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack, FontSize = "1.125rem", LineHeight = "1.6" },
            H1 = new H1Typography { FontFamily = FontStack, FontSize = "2rem", FontWeight = "700", LineHeight = "1.25" },
            H2 = new H2Typography { FontFamily = FontStack, FontSize = "1.5rem", FontWeight = "700", LineHeight = "1.3" },
            H3 = new H3Typography { FontFamily = FontStack, FontSize = "1.25rem", FontWeight = "600", LineHeight = "1.35" },
            H4 = new H4Typography { FontFamily = FontStack, FontSize = "1.125rem", FontWeight = "600", LineHeight = "1.4" },
            H5 = new H5Typography { FontFamily = FontStack, FontSize = "1.125rem", FontWeight = "600", LineHeight = "1.4" },
            H6 = new H6Typography { FontFamily = FontStack, FontSize = "1.05rem", FontWeight = "600", LineHeight = "1.4" },
            Body1 = new Body1Typography { FontFamily = FontStack, FontSize = "1.125rem", LineHeight = "1.6" },
            Body2 = new Body2Typography { FontFamily = FontStack, FontSize = "1rem", LineHeight = "1.5" },
            Button = new ButtonTypography { FontFamily = FontStack, FontSize = "1.05rem", FontWeight = "600", TextTransform = "none" },
            Caption = new CaptionTypography { FontFamily = FontStack, FontSize = "0.95rem" },
            Subtitle1 = new Subtitle1Typography { FontFamily = FontStack, FontSize = "1.125rem" },
            Subtitle2 = new Subtitle2Typography { FontFamily = FontStack, FontSize = "1rem", FontWeight = "600" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
