using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Utilities;
using RugcentrumPortal.Web.Components.Workspace;

namespace RugcentrumPortal.Web.Tests.Infrastructure;

/// <summary>The patient's static pages and the therapist's live workspace share one theme and one frame.</summary>
public partial class OneLookTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public void The_colours_of_the_shared_frame_are_the_themes_colours()
    {
        var palette = PortalTheme.Value.PaletteLight;
        var colours = FrameColours();

        Assert.Equal(Hex(palette.Primary), colours["--rc-primary"]);
        Assert.Equal(Hex(new MudColor(palette.PrimaryDarken)), colours["--rc-primary-dark"]);
        Assert.Equal(Hex(palette.Secondary), colours["--rc-link"]);
        Assert.Equal(Hex(palette.Background), colours["--rc-background"]);
        Assert.Equal(Hex(palette.TextPrimary), colours["--rc-text"]);
        Assert.Equal(Hex(palette.TextSecondary), colours["--rc-text-secondary"]);
        Assert.Equal(Hex(palette.Divider), colours["--rc-divider"]);
        Assert.Equal(Hex(palette.Success), colours["--rc-success"]);
        Assert.Equal(Hex(palette.Warning), colours["--rc-warning"]);
        Assert.Equal(Hex(palette.Error), colours["--rc-error"]);
    }

    [Fact]
    public async Task The_patients_page_and_the_therapists_workspace_have_the_same_app_bar_and_stylesheet_for_it()
    {
        using var patient = portal.CreatePortalClient();
        await patient.LoginAsync(Baseline.NoordPatient);
        using var therapist = portal.CreatePortalClient();
        await therapist.LoginAsync(Baseline.NoordTherapist);

        var today = await patient.GetPageAsync("/mijn");
        var overview = await therapist.GetPageAsync("/overzicht");

        foreach (var page in new[] { today, overview })
        {
            Assert.NotNull(page.Document.QuerySelector("header.portal-bar a.brand svg"));
            Assert.NotNull(page.Document.QuerySelector("link[rel=stylesheet][href^='css/frame.']"));
            Assert.NotNull(page.Document.QuerySelector("footer.portal-footer"));
        }
        Assert.Contains("Piet Proef", today.Document.QuerySelector("header.portal-bar .signed-in-as")!.TextContent);
    }

    [Fact]
    public async Task Static_pages_draw_their_icons_inline_and_load_no_icon_font()
    {
        using var patient = portal.CreatePortalClient();
        await patient.LoginAsync(Baseline.NoordPatient);

        var today = await patient.GetPageAsync("/mijn");

        Assert.Empty(today.Document.QuerySelectorAll("i.bi, link[href*='bootstrap-icons']"));
        Assert.NotEmpty(today.Document.QuerySelectorAll(".portal-nav svg.mud-icon-root[aria-hidden=true]"));
    }

    [Fact]
    public async Task Style_sheets_and_scripts_reach_a_signed_in_patient_compressed_and_kept_for_a_year()
    {
        using var patient = portal.CreatePortalClient();
        await patient.LoginAsync(Baseline.NoordPatient);
        var today = await patient.GetPageAsync("/mijn");
        var files = today.Document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!)
            .Concat(today.Document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!)).ToList();

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, file);
            request.Headers.AcceptEncoding.ParseAdd("gzip");
            using var response = await patient.Http.SendAsync(request);

            Assert.True(response.IsSuccessStatusCode, file);
            Assert.Contains("gzip", response.Content.Headers.ContentEncoding);
            Assert.Contains("immutable", response.Headers.CacheControl!.ToString());
            Assert.False(response.Headers.CacheControl.NoStore, file);
        }
    }

    private static string Hex(MudColor colour) => colour.ToString(MudColorOutputFormats.Hex).ToLowerInvariant();

    private Dictionary<string, string> FrameColours()
    {
        var css = File.ReadAllText(Path.Combine(portal.Services.GetRequiredService<IWebHostEnvironment>().WebRootPath, "css", "frame.css"));
        return ColourVariable().Matches(css).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.ToLowerInvariant(), StringComparer.Ordinal);
    }

    [GeneratedRegex(@"(--rc-[a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;")]
    private static partial Regex ColourVariable();
}
