using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RugcentrumPortal.EndToEnd.Tests;

public class TherapistJourneyTests(PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    [Fact]
    public async Task Therapist_creates_a_patient_finds_them_as_they_type_and_corrects_their_details()
    {
        var page = await browser.NewPageAsync();
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);
        Assert.EndsWith("/overzicht", page.Url);
        await PortalBrowser.WaitForCircuitAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Patiënten" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Nieuwe patiënt" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nieuwe patiënt");
        await page.GetByLabel("Voornaam").FillAsync("Wilma");
        await page.GetByLabel("Achternaam").FillAsync("van Wandelaar");
        await page.GetByLabel("Geboortedatum").FillAsync("17-8-1949");
        await page.GetByLabel("E-mailadres").FillAsync("wilma@voorbeeld.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Patiënt opslaan" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Wilma van Wandelaar");
        await Assertions.Expect(page.Locator("dd", new() { HasText = "17 augustus 1949" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Patiënten" }).First.ClickAsync();
        await page.GetByLabel("Zoek op naam").PressSequentiallyAsync("wandelaar, wil");
        // No button and no page load: the list follows the typing, and the address keeps the term.
        await Assertions.Expect(page.Locator(".patient-link")).ToHaveTextAsync(["Wandelaar, Wilma van"]);
        await Assertions.Expect(page.Locator(".patient-count")).ToHaveTextAsync("1 patiënt");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/patienten\\?zoek=wandelaar"));
        await PortalBrowser.ScreenshotAsync(page, "patient-list-search");

        await page.ReloadAsync();
        await PortalBrowser.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator(".patient-link")).ToHaveTextAsync(["Wandelaar, Wilma van"]);

        await page.Locator(".patient-link").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Gegevens wijzigen" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Voornaam")).ToHaveValueAsync("Wilma");
        await page.GetByLabel("Telefoonnummer").FillAsync("06 1111 2222");
        await page.GetByRole(AriaRole.Button, new() { Name = "Wijzigingen opslaan" }).ClickAsync();

        await Assertions.Expect(page.GetByText("De gegevens van Wilma van Wandelaar zijn opgeslagen.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("dd", new() { HasText = "06 1111 2222" })).ToBeVisibleAsync();
        await PortalBrowser.ScreenshotAsync(page, "patient-detail");
    }

    [Fact]
    public async Task Invalid_patient_form_keeps_what_was_typed_and_shows_messages()
    {
        var page = await browser.NewPageAsync();
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);
        await PortalBrowser.GotoWorkspaceAsync(page, "/patienten/nieuw");

        await page.GetByLabel("Voornaam").FillAsync("Henk");
        await page.GetByLabel("E-mailadres").FillAsync("henk-zonder-domein");
        await page.GetByRole(AriaRole.Button, new() { Name = "Patiënt opslaan" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Vul een geldig e-mailadres in")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Niet alles is goed ingevuld");
        await Assertions.Expect(page.GetByLabel("Voornaam")).ToHaveValueAsync("Henk");
        await PortalBrowser.ScreenshotAsync(page, "patient-create-errors");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
    }

    [Theory]
    [InlineData("/patienten", "patient-list")]
    [InlineData("/patienten/nieuw", "patient-create")]
    [InlineData("/patienten/11111111-0000-7000-8000-0000000000a1", "patient-page")]
    [InlineData("/patienten/11111111-0000-7000-8000-0000000000a1/bewerken", "patient-edit")]
    public async Task Therapist_pages_have_no_serious_accessibility_violations_on_desktop_and_tablet(string path, string name)
    {
        foreach (var (width, height, size) in new[] { (1280, 900, "desktop"), (1024, 768, "tablet") })
        {
            var page = await browser.NewPageAsync(width, height);
            await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);

            await PortalBrowser.GotoWorkspaceAsync(page, path);

            await PortalBrowser.ScreenshotAsync(page, $"{name}-{size}");
            await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
        }
    }

    [Theory]
    [InlineData("/patienten", "patient-list")]
    [InlineData("/patienten/11111111-0000-7000-8000-0000000000a1", "patient-page")]
    [InlineData("/patienten/11111111-0000-7000-8000-0000000000a1/bewerken", "patient-edit")]
    public async Task Therapist_pages_fit_a_phone_without_sideways_scrolling(string path, string name)
    {
        var page = await browser.NewPageAsync(390, 844);
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);

        await PortalBrowser.GotoWorkspaceAsync(page, path);

        await PortalBrowser.ScreenshotAsync(page, $"{name}-phone");
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1"));
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
