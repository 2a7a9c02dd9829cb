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

    [Theory]
    [InlineData(1280, 900, "desktop")]
    [InlineData(1024, 768, "tablet")]
    [InlineData(390, 844, "phone")]
    public async Task Admin_accounts_page_has_no_serious_accessibility_violations(int width, int height, string size)
    {
        var page = await browser.NewPageAsync(width, height);
        await PortalBrowser.LogInAsync(page, Baseline.NoordAdmin);

        Assert.EndsWith("/beheer/accounts", page.Url);
        await PortalBrowser.WaitForCircuitAsync(page);
        await PortalBrowser.ScreenshotAsync(page, $"admin-accounts-{size}");
        if (size == "phone")
        {
            Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1"));
        }
        else
        {
            await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
        }
    }

    [Fact]
    public async Task Admin_confirms_blocking_a_colleague_in_a_dialog_and_can_undo_it_the_same_way()
    {
        var page = await browser.NewPageAsync();
        await PortalBrowser.LogInAsync(page, Baseline.NoordAdmin);
        await PortalBrowser.WaitForCircuitAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Carla Collega blokkeren" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Carla Collega blokkeren?");
        await PortalBrowser.ScreenshotAsync(page, "admin-accounts-confirm-block");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Annuleren" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Carla Collega blokkeren" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Carla Collega blokkeren" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Ja, blokkeren" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Carla Collega is geblokkeerd");

        await page.GetByRole(AriaRole.Button, new() { Name = "Carla Collega deblokkeren" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Ja, deblokkeren" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Carla Collega kan weer inloggen");
    }

    [Fact]
    public async Task Patient_list_is_usable_at_200_percent_zoom_without_sideways_scrolling()
    {
        // 200% zoom on a 1280px window lays out like a 640px window.
        var page = await browser.NewPageAsync(640, 900);
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);
        await PortalBrowser.GotoWorkspaceAsync(page, "/patienten");

        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");

        Assert.False(overflow);
        await PortalBrowser.ScreenshotAsync(page, "patient-list-640");
    }
}
