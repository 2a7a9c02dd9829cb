using Microsoft.Playwright;

namespace RugcentrumPortal.EndToEnd.Tests;

/// <summary>The frame every workspace page shares: live connection, one stylesheet family, strict policy.</summary>
public class WorkspaceShellTests(PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    [Fact]
    public async Task Overview_comes_alive_in_the_portal_theme_without_a_single_policy_refusal()
    {
        var page = await browser.NewPageAsync();
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);

        await PortalBrowser.WaitForCircuitAsync(page);

        var bar = await page.Locator(".workspace-bar").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.Equal("rgb(31, 95, 91)", bar);
        var sheets = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('link[rel=stylesheet]')].map(l => l.getAttribute('href'))");
        Assert.Contains(sheets, s => s.Contains("MudBlazor", StringComparison.Ordinal));
        Assert.DoesNotContain(sheets, s => s.Contains("bootstrap", StringComparison.Ordinal));
        Assert.False(await page.Locator("#components-reconnect-modal").IsVisibleAsync());
        Assert.Empty(browser.PolicyViolations.Where(v => v.Contains("/overzicht", StringComparison.Ordinal)));
        await PortalBrowser.ScreenshotAsync(page, "workspace-overview");
    }

    [Fact]
    public async Task Sign_in_page_stays_a_plain_page_without_the_live_connection_script()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/inloggen");

        var scripts = await page.EvaluateAsync<string[]>("[...document.scripts].map(s => s.getAttribute('src') ?? '')");
        var sheets = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('link[rel=stylesheet]')].map(l => l.getAttribute('href'))");

        Assert.DoesNotContain(scripts, s => s.Contains("blazor.web.js", StringComparison.Ordinal));
        Assert.DoesNotContain(sheets, s => s.Contains("MudBlazor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Following_a_link_to_a_page_the_role_does_not_allow_explains_instead_of_showing_it()
    {
        var page = await browser.NewPageAsync();
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);
        await PortalBrowser.WaitForCircuitAsync(page);

        await page.GotoAsync("/beheer/accounts");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Geen toegang");
    }
}
