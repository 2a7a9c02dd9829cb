using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.EndToEnd.Tests;

/// <summary>The patient's portal as an installed app on a phone that loses its connection.</summary>
public class OfflinePortalTests(PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    private const string KeptPages = "caches.open('rugcentrum-pages-v1').then(c => c.keys()).then(keys => keys.some(r => r.url.includes('/mijn/oefening/')))";
    private const string KeptFiles = "Promise.all(performance.getEntriesByType('resource').map(e => e.name).filter(n => /\\.(css|js)$/.test(new URL(n).pathname)).map(n => caches.match(n))).then(found => found.every(Boolean))";

    [Fact]
    public async Task The_portal_can_be_installed_with_a_manifest_and_icons()
    {
        var phone = await browser.NewPageAsync(390, 844);
        await PortalBrowser.LogInAsync(phone, Baseline.NoordPatient);

        var manifest = await phone.Locator("link[rel=manifest]").GetAttributeAsync("href");
        var response = await phone.APIRequest.GetAsync(manifest!);
        var json = await response.JsonAsync();

        Assert.True(response.Ok);
        Assert.Equal("/mijn", json!.Value.GetProperty("start_url").GetString());
        Assert.Equal("standalone", json.Value.GetProperty("display").GetString());
        foreach (var icon in json.Value.GetProperty("icons").EnumerateArray())
        {
            Assert.True((await phone.APIRequest.GetAsync(icon.GetProperty("src").GetString()!)).Ok);
        }
    }

    [Fact]
    public async Task A_log_made_without_a_connection_is_kept_on_the_phone_and_arrives_exactly_once_when_the_connection_is_back()
    {
        await TestPlans.ActiveAsync(browser.Portal, Baseline.NoordPatientId, "chin-tuck", "bridge");
        var phone = await browser.NewPageAsync(390, 844);
        await PortalBrowser.LogInAsync(phone, Baseline.NoordPatient);
        await phone.WaitForFunctionAsync("navigator.serviceWorker.controller !== null");
        await phone.WaitForFunctionAsync(KeptPages);
        await phone.WaitForFunctionAsync(KeptFiles);

        await phone.Context.SetOfflineAsync(true);
        await phone.GetByRole(AriaRole.Link, new() { Name = "Kin intrekken", Exact = true }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kin intrekken");
        await Assertions.Expect(phone.Locator("[data-offline-now]")).ToBeVisibleAsync();
        await phone.Locator("label[for=outcome-Done]").ClickAsync();
        await phone.Locator("label[for=pain-3]").ClickAsync();
        await phone.GetByLabel("Wilt u iets kwijt?").FillAsync("In de trein gedaan, zonder bereik.");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();

        await Assertions.Expect(phone.Locator("[data-kept-offline]")).ToBeVisibleAsync();
        await PortalBrowser.ScreenshotAsync(phone, "offline-log-kept-phone");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(phone);
        Assert.Equal(0, await LogsWithNoteAsync());

        await phone.Context.SetOfflineAsync(false);
        await Stored.WaitForAsync(LogsWithNoteAsync, count => count == 1, "The log kept on the phone never arrived");
        // A second round of sending (the next page opened) finds nothing left to send.
        await phone.GotoAsync("/mijn");
        await Assertions.Expect(phone.Locator(".today-card").Filter(new() { HasText = "Kin intrekken" })).ToContainTextAsync("Gedaan om");
        await phone.WaitForTimeoutAsync(1000);
        Assert.Equal(1, await LogsWithNoteAsync());
        var log = await LogAsync();
        Assert.Equal(SessionOutcome.Done, log.Outcome);
        Assert.Equal(3, log.Pain);
    }

    private async Task<int> LogsWithNoteAsync()
    {
        await using var scope = browser.Portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.ArrangeDb().SessionLogs.CountAsync(l => l.Note == "In de trein gedaan, zonder bereik.");
    }

    private async Task<SessionLog> LogAsync()
    {
        await using var scope = browser.Portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.ArrangeDb().SessionLogs.SingleAsync(l => l.Note == "In de trein gedaan, zonder bereik.");
    }
}
