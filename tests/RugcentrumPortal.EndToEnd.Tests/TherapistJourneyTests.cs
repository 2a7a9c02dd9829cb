using Microsoft.Playwright;

namespace RugcentrumPortal.EndToEnd.Tests;

public class TherapistJourneyTests(PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    [Fact]
    public async Task Therapist_logs_in_creates_a_patient_and_finds_them_in_the_list()
    {
        var page = await browser.NewPageAsync();
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);
        Assert.EndsWith("/overzicht", page.Url);

        await page.GetByRole(AriaRole.Link, new() { Name = "Patiënten" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Nieuwe patiënt" }).ClickAsync();
        await page.GetByLabel("Voornaam").FillAsync("Wilma");
        await page.GetByLabel("Achternaam").FillAsync("Wandelaar");
        await page.GetByLabel("Geboortedatum").FillAsync("1949-08-17");
        await page.GetByLabel("E-mailadres").FillAsync("wilma@voorbeeld.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Patiënt opslaan" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Wilma Wandelaar");
        await PortalBrowser.ScreenshotAsync(page, "patient-detail");

        await page.GetByRole(AriaRole.Link, new() { Name = "Patiënten" }).First.ClickAsync();
        await page.GetByLabel("Zoek op naam").FillAsync("wandel");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();

        await Assertions.Expect(page.Locator(".patient-link")).ToHaveTextAsync(["Wandelaar, Wilma"]);
        await PortalBrowser.ScreenshotAsync(page, "patient-list-search");
    }

    [Fact]
    public async Task Invalid_patient_form_keeps_what_was_typed_and_shows_messages()
    {
        var page = await browser.NewPageAsync();
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);
        await page.GotoAsync("/patienten/nieuw");

        await page.GetByLabel("Voornaam").FillAsync("Henk");
        await page.GetByLabel("E-mailadres").FillAsync("henk-zonder-domein");
        await page.GetByRole(AriaRole.Button, new() { Name = "Patiënt opslaan" }).ClickAsync();

        await Assertions.Expect(page.GetByLabel("Voornaam")).ToHaveValueAsync("Henk");
        await Assertions.Expect(page.Locator(".validation-message", new() { HasText = "Vul een geldig e-mailadres in" })).ToBeVisibleAsync();
        await PortalBrowser.ScreenshotAsync(page, "patient-create-errors");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
    }

    [Theory]
    [InlineData("/patienten", "patient-list")]
    [InlineData("/patienten/nieuw", "patient-create")]
    [InlineData("/patienten/11111111-0000-7000-8000-0000000000a1", "patient-page")]
    public async Task Therapist_pages_have_no_serious_accessibility_violations(string path, string name)
    {
        var page = await browser.NewPageAsync();
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);

        await page.GotoAsync(path);

        await PortalBrowser.ScreenshotAsync(page, name);
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
    }

    [Fact]
    public async Task Skip_link_is_the_first_stop_for_the_keyboard_and_jumps_to_the_content()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/inloggen");

        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<string>("document.activeElement.textContent");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("location.hash === '#main'", null, new() { Timeout = 5000 });

        Assert.Equal("Direct naar de inhoud", focused.Trim());
        Assert.EndsWith("#main", page.Url);
    }
}
