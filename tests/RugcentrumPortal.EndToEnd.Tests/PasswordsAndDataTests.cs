using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RugcentrumPortal.EndToEnd.Tests;

public class PasswordsAndDataTests(PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    [Fact]
    public async Task A_forgotten_password_is_replaced_through_the_mailed_link_on_a_phone()
    {
        var page = await browser.NewPageAsync(390, 844);
        await page.GotoAsync("/account/wachtwoord-vergeten");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
        await page.GetByLabel("E-mailadres").FillAsync(Baseline.ZuidPatient);
        await page.GetByRole(AriaRole.Button, new() { Name = "Stuur mij een link" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Als dit adres bij ons bekend is");
        await PortalBrowser.ScreenshotAsync(page, "password-forgot-sent-390");

        var link = Regex.Match(MailPickup.Read(browser.Portal.MailDirectory).Last(m => m.To == Baseline.ZuidPatient).Body,
            @"https?://\S+/account/wachtwoord-herstellen/\S+").Value;
        await page.GotoAsync(new Uri(link).PathAndQuery);
        await PortalBrowser.ScreenshotAsync(page, "password-reset-390");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
        await page.GetByLabel("Nieuw wachtwoord").FillAsync("een boot op het water bij nacht");
        await page.GetByLabel("Herhaal het wachtwoord").FillAsync("een boot op het water bij nacht");
        await page.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord opslaan" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Uw nieuwe wachtwoord is opgeslagen");
        await PortalBrowser.LogInAsync(page, Baseline.ZuidPatient, "een boot op het water bij nacht");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/mijn$"));
    }

    [Fact]
    public async Task The_patient_finds_their_data_page_and_the_administrator_the_open_request()
    {
        foreach (var width in new[] { 1280, 1024, 390 })
        {
            var patient = await browser.NewPageAsync(width, 900);
            await PortalBrowser.LogInAsync(patient, Baseline.NoordPatient);
            await patient.GetByRole(AriaRole.Link, new() { Name = "Mijn gegevens" }).ClickAsync();
            await Assertions.Expect(patient.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mijn gegevens");
            await PortalBrowser.ScreenshotAsync(patient, $"my-data-{width}");
            await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(patient);
            var password = await browser.NewPageAsync(width, 900);
            await PortalBrowser.LogInAsync(password, Baseline.NoordTherapist);
            await password.GotoAsync("/account/wachtwoord");
            await PortalBrowser.ScreenshotAsync(password, $"password-change-{width}");
        }

        var asking = await browser.NewPageAsync(390, 844);
        await PortalBrowser.LogInAsync(asking, Baseline.NoordPatient);
        await asking.GotoAsync("/mijn/gegevens");
        await asking.GetByRole(AriaRole.Button, new() { Name = "Vraag om verwijdering" }).ClickAsync();
        await Assertions.Expect(asking.GetByRole(AriaRole.Status)).ToContainTextAsync("Uw verzoek is ontvangen");
        await PortalBrowser.ScreenshotAsync(asking, "my-data-asked-390");

        var admin = await browser.NewPageAsync();
        await PortalBrowser.LogInAsync(admin, Baseline.NoordAdmin);
        await PortalBrowser.GotoWorkspaceAsync(admin, "/beheer/verwijderverzoeken");
        await Assertions.Expect(admin.GetByRole(AriaRole.Cell, new() { Name = "Piet Proef" })).ToBeVisibleAsync();
        await PortalBrowser.ScreenshotAsync(admin, "erasure-requests-1280");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(admin);
    }
}
