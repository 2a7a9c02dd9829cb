using Microsoft.Playwright;

namespace RugcentrumPortal.EndToEnd.Tests;

public class PatientAndAccountTests(PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    [Fact]
    public async Task Patient_logs_in_and_sees_their_own_home()
    {
        var page = await browser.NewPageAsync(390, 844);

        await PortalBrowser.LogInAsync(page, Baseline.NoordPatient);

        Assert.EndsWith("/mijn", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Goedendag Piet");
        await PortalBrowser.ScreenshotAsync(page, "patient-home-phone");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
    }

    [Fact]
    public async Task Login_page_has_no_serious_accessibility_violations_in_either_language()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/inloggen");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
        await PortalBrowser.ScreenshotAsync(page, "login-nl");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Log in");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
    }

    [Fact]
    public async Task Admin_accounts_page_has_no_serious_accessibility_violations()
    {
        var page = await browser.NewPageAsync();
        await PortalBrowser.LogInAsync(page, Baseline.NoordAdmin);

        Assert.EndsWith("/beheer/accounts", page.Url);
        await PortalBrowser.ScreenshotAsync(page, "admin-accounts");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
    }

    [Fact]
    public async Task Page_is_usable_at_200_percent_zoom_without_sideways_scrolling()
    {
        // 200% zoom on a 1280px window lays out like a 640px window.
        var page = await browser.NewPageAsync(640, 900);
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);

        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");

        Assert.False(overflow);
        await PortalBrowser.ScreenshotAsync(page, "patient-list-640");
    }
}
