using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace RugcentrumPortal.EndToEnd.Tests;

/// <summary>
/// Notes the server never saved, because it went away before it had them (an instance killed, a restart): the
/// browser tab still holds them, and the page that loads again on the new server puts them back and saves them.
/// This class stops its portal on purpose, so it holds this one test only.
/// </summary>
public class UnsentNotesTests(PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    private const string Saved = "Trapezius links gevoelig bij palpatie.";
    private const string Unsent = " Schouder rechts hoog bij zitten.";

    [Fact]
    public async Task Notes_typed_just_before_the_server_went_away_come_back_after_the_page_reloads_on_the_new_server_and_are_saved()
    {
        var assessmentId = await TestAssessments.DraftAsync(browser.Portal, Baseline.NoordPatientId, "neck");
        var page = await browser.NewPageAsync(1280, 900);
        // The pages' live connections pass through here: once the balance page's is cut, what it sends never reaches
        // the server, as with keys pressed in the last moment before an instance dies. Later connections pass freely.
        IWebSocketRoute? latest = null;
        IWebSocketRoute? cut = null;
        await page.RouteWebSocketAsync(new Regex("/_blazor"), socket =>
        {
            latest = socket;
            var server = socket.ConnectToServer();
            socket.OnMessage(frame =>
            {
                if (ReferenceEquals(socket, cut))
                {
                    return;
                }
                if (frame.Binary is { } binary)
                {
                    server.Send(binary);
                }
                else
                {
                    server.Send(frame.Text ?? "");
                }
            });
        });
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);
        await PortalBrowser.GotoWorkspaceAsync(page, $"/patienten/{Baseline.NoordPatientId}/onderzoek/{assessmentId}/spierbalans");
        await page.Locator("label[for=tone-upper-trapezius-overactive]").ClickAsync();
        var notes = page.Locator("#balance-notes");
        await notes.FillAsync(Saved);
        await Assertions.Expect(page.Locator("#save-status")).ToContainTextAsync("opgeslagen om");
        // The status line already read "saved" after the rating; the notes follow once typing pauses.
        await Stored.WaitForAsync(() => StoredNotesAsync(browser.Portal, assessmentId), n => n == Saved, "The notes typed before the cut were never saved");

        cut = latest;
        await notes.PressSequentiallyAsync(Unsent);
        await browser.Portal.DisposeAsync();
        await Assertions.Expect(page.Locator("#components-reconnect-modal")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await PageReloads.MarkAsync(page);

        await using var restarted = browser.Portal.AnotherInstance();
        restarted.StartKestrel(browser.BaseAddress.Port);

        await PageReloads.WaitForReloadAsync(page, TimeSpan.FromSeconds(60));
        await PortalBrowser.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("#notes-restored")).ToContainTextAsync("nog niet opgeslagen toen de verbinding wegviel");
        await Assertions.Expect(notes).ToHaveValueAsync(Saved + Unsent);
        await Assertions.Expect(page.Locator("#tone-upper-trapezius-overactive")).ToBeCheckedAsync();
        await Stored.WaitForAsync(() => StoredNotesAsync(restarted, assessmentId), n => n == Saved + Unsent, "The restored notes were never saved");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
        await PortalBrowser.ScreenshotAsync(page, "balance-notes-restored-1280");
        await page.SetViewportSizeAsync(390, 844);
        await PortalBrowser.ScreenshotAsync(page, "balance-notes-restored-390");

        // Saved, so the tab lets go of them: the next visit shows the stored notes without the message.
        await page.ReloadAsync();
        await PortalBrowser.WaitForCircuitAsync(page);
        await Assertions.Expect(notes).ToHaveValueAsync(Saved + Unsent);
        await Assertions.Expect(page.Locator("#notes-restored")).ToHaveCountAsync(0);
        Assert.Null(await page.EvaluateAsync<string?>($"sessionStorage.getItem('unsent-text:balance-notes:{assessmentId}')"));
        await restarted.DisposeAsync();
    }

    private static async Task<string?> StoredNotesAsync(PortalFactory portal, Guid assessmentId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.ArrangeDb().Assessments.Where(a => a.Id == assessmentId).Select(a => a.BalanceNotes).SingleAsync();
    }
}
