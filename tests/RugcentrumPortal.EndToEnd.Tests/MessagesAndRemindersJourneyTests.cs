using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.EndToEnd.Tests;

/// <summary>A patient writes to the practice from a phone and sets up reminders; the therapist reads and answers.</summary>
public class MessagesAndRemindersJourneyTests(PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    private static readonly (int Width, int Height)[] Sizes = [(390, 844), (1024, 768), (1280, 900)];

    [Fact]
    public async Task A_message_the_patient_writes_on_a_phone_is_read_and_answered_by_the_therapist()
    {
        var phone = await browser.NewPageAsync(390, 844);
        await PortalBrowser.LogInAsync(phone, Baseline.NoordPatient);
        await phone.GetByRole(AriaRole.Link, new() { Name = "Berichten" }).ClickAsync();
        await phone.GetByLabel("Uw bericht").FillAsync("Mag ik de nekoefening ook op het werk doen?");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Versturen" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Status).Filter(new() { HasText = "Verstuurd." })).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator(".message-list")).ToContainTextAsync("Mag ik de nekoefening ook op het werk doen?");

        var therapist = await browser.NewPageAsync();
        await PortalBrowser.LogInAsync(therapist, Baseline.NoordTherapist);
        await PortalBrowser.GotoWorkspaceAsync(therapist, "/overzicht");
        var unread = therapist.Locator("section[aria-labelledby=messages-heading]");
        await Assertions.Expect(unread).ToContainTextAsync("1 ongelezen");
        await PortalBrowser.ScreenshotAsync(therapist, "messages-overview-1280");
        await unread.GetByRole(AriaRole.Link, new() { Name = "Piet Proef" }).ClickAsync();
        await PortalBrowser.WaitForCircuitAsync(therapist);
        await Assertions.Expect(therapist.Locator(".message-list")).ToContainTextAsync("Mag ik de nekoefening ook op het werk doen?");
        await therapist.GetByLabel("Bericht aan de patiënt").FillAsync("Ja, zeker. Twee keer per dag is genoeg.");
        await therapist.GetByRole(AriaRole.Button, new() { Name = "Versturen" }).ClickAsync();
        await Assertions.Expect(therapist.Locator(".message-list")).ToContainTextAsync("Ja, zeker. Twee keer per dag is genoeg.");
        foreach (var (width, height) in Sizes)
        {
            await therapist.SetViewportSizeAsync(width, height);
            await PortalBrowser.ScreenshotAsync(therapist, $"messages-therapist-{width}");
            await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(therapist);
        }

        await phone.ReloadAsync();
        await Assertions.Expect(phone.Locator(".message-list")).ToContainTextAsync("Ja, zeker. Twee keer per dag is genoeg.");
        foreach (var (width, height) in Sizes)
        {
            await phone.SetViewportSizeAsync(width, height);
            await PortalBrowser.ScreenshotAsync(phone, $"messages-patient-{width}");
            await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(phone);
        }
        Assert.Empty(browser.PolicyViolations);
    }

    [Fact]
    public async Task A_patient_switches_reminders_on_and_the_therapist_sees_it()
    {
        // Reminders are set from "Vandaag", below the plan they remind the patient of.
        await TestPlans.ActiveAsync(browser.Portal, Baseline.NoordPatientId, "chin-tuck");
        var phone = await browser.NewPageAsync(390, 844);
        await PortalBrowser.LogInAsync(phone, Baseline.NoordPatient);
        await phone.GetByRole(AriaRole.Link, new() { Name = "Herinneringen instellen" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Meldingen toestaan op dit apparaat" })).ToBeVisibleAsync();
        await phone.GetByLabel("Ja, stuur mij herinneringen").CheckAsync();
        await phone.GetByText("Zaterdag", new() { Exact = true }).ClickAsync();
        await phone.GetByLabel("Hoe laat?").FillAsync("08:15");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Status).Filter(new() { HasText = "Opgeslagen." })).ToBeVisibleAsync();
        foreach (var (width, height) in Sizes)
        {
            await phone.SetViewportSizeAsync(width, height);
            await PortalBrowser.ScreenshotAsync(phone, $"reminders-patient-{width}");
            await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(phone);
        }

        var therapist = await browser.NewPageAsync();
        await PortalBrowser.LogInAsync(therapist, Baseline.NoordTherapist);
        await PortalBrowser.GotoWorkspaceAsync(therapist, $"/patienten/{Baseline.NoordPatientId}");
        await Assertions.Expect(therapist.Locator("#reminders-status")).ToContainTextAsync("Staan aan: per e-mail, op maandag, dinsdag, woensdag, donderdag, vrijdag, zaterdag, om 08:15.");
        await PortalBrowser.ScreenshotAsync(therapist, "reminders-therapist-1280");

        var visitor = await browser.NewPageAsync(390, 844);
        await visitor.GotoAsync("/herinneringen/stop?t=niet-echt");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Alert)).ToContainTextAsync("Deze link klopt niet.");
        await PortalBrowser.ScreenshotAsync(visitor, "reminders-stop-390");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(visitor);
        await using var scope = browser.Portal.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.ArrangeDb().ReminderSettings.Where(s => s.PatientId == Baseline.NoordPatientId).Select(s => s.Enabled).SingleAsync());
        Assert.Empty(browser.PolicyViolations);
    }
}
