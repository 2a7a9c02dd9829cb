using Microsoft.Playwright;

namespace RugcentrumPortal.EndToEnd.Tests;

/// <summary>
/// The server goes away under an open page and a new one takes its place on the same address and database. This
/// class stops its portal on purpose, so it holds this one test only.
/// </summary>
public class ServerRestartTests(PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    [Fact]
    public async Task After_a_server_restart_the_open_balance_page_comes_back_by_itself_with_every_rating_made_before()
    {
        var assessmentId = await TestAssessments.DraftAsync(browser.Portal, Baseline.NoordPatientId, "neck");
        var page = await browser.NewPageAsync(1024, 768);
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);
        await PortalBrowser.GotoWorkspaceAsync(page, $"/patienten/{Baseline.NoordPatientId}/onderzoek/{assessmentId}/spierbalans");
        await page.Locator("label[for=tone-upper-trapezius-overactive]").ClickAsync();
        await page.Locator("label[for=intensity-upper-trapezius-3]").ClickAsync();
        await page.Locator("label[for=tone-deep-neck-flexors-underactive]").ClickAsync();
        await Assertions.Expect(page.Locator("#save-status")).ToContainTextAsync("opgeslagen om");

        await browser.Portal.DisposeAsync();
        var dialog = page.Locator("#components-reconnect-modal");
        await Assertions.Expect(dialog).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(dialog).ToContainTextAsync("De verbinding is even weg");
        await PageReloads.MarkAsync(page);

        await using var restarted = browser.Portal.AnotherInstance();
        restarted.StartKestrel(browser.BaseAddress.Port);

        // The new server does not know the old page's connection; the page loads itself again from the saved draft.
        await PageReloads.WaitForReloadAsync(page, TimeSpan.FromSeconds(60));
        await PortalBrowser.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("#tone-upper-trapezius-overactive")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#intensity-upper-trapezius-3")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#tone-deep-neck-flexors-underactive")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#rated-total")).ToHaveTextAsync("2 van 48 spieren beoordeeld");
        await Assertions.Expect(dialog).ToBeHiddenAsync();

        // And the page is live on the new server: a further rating is saved there.
        await page.Locator("label[for=tone-levator-scapulae-overactive]").ClickAsync();
        await Assertions.Expect(page.Locator("#rated-total")).ToHaveTextAsync("3 van 48 spieren beoordeeld");
        await Assertions.Expect(page.Locator("#save-status")).ToContainTextAsync("opgeslagen om");
        await restarted.DisposeAsync();
    }
}
