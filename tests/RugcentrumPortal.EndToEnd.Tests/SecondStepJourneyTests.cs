using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.EndToEnd.Tests;

/// <summary>The second step of signing in, in a real browser, at the three widths staff and patients use.</summary>
public class SecondStepJourneyTests(PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    [Theory]
    [InlineData(1280, 900, "desktop")]
    [InlineData(1024, 768, "tablet")]
    [InlineData(390, 844, "phone")]
    public async Task A_new_colleague_sets_up_the_app_and_keeps_the_recovery_codes(int width, int height, string size)
    {
        var email = $"nieuw-{size}@noord.test";
        await using (var scope = browser.Portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Nieuwe Collega", PracticeId = Baseline.NoordId };
            Assert.True((await users.CreateAsync(user, Baseline.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Therapist)).Succeeded);
        }
        var page = await browser.NewPageAsync(width, height);
        await page.GotoAsync("/account/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord").FillAsync(Baseline.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Inloggen met een code van uw telefoon");
        await PortalBrowser.ScreenshotAsync(page, $"authenticator-setup-{size}");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1"));
        var key = (await page.Locator("#authenticator-key").TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await page.GetByLabel("Code van 6 cijfers").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Code controleren en aanzetten" }).ClickAsync();

        await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await PortalBrowser.ScreenshotAsync(page, $"authenticator-recovery-codes-{size}");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Ik heb de codes bewaard, verder" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/overzicht$"));
    }

    [Fact]
    public async Task The_code_page_reads_well_and_lets_staff_in_with_the_code()
    {
        var page = await browser.NewPageAsync(390, 844);
        await page.GotoAsync("/account/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync(Baseline.NoordSecondTherapist);
        await page.GetByLabel("Wachtwoord").FillAsync(Baseline.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Code uit de app");
        await PortalBrowser.ScreenshotAsync(page, "second-step-code-phone");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
        await page.GetByLabel("Code van 6 cijfers").FillAsync(Totp.Code(Baseline.AuthenticatorKey));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verder" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/overzicht$"));
    }
}
