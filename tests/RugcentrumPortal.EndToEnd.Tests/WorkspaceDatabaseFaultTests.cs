using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RugcentrumPortal.Clinical.Muscles;

namespace RugcentrumPortal.EndToEnd.Tests;

/// <summary>
/// A click whose save meets a database that stays away through every retry: the therapist reads what happened and
/// goes on in the same live page once the database is back, instead of a page that silently stops answering.
/// </summary>
public class WorkspaceDatabaseFaultTests(PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    [Fact]
    public async Task A_rating_the_database_could_not_take_says_so_in_dutch_and_the_same_page_saves_the_next_try()
    {
        var assessmentId = await TestAssessments.DraftAsync(browser.Portal, Baseline.NoordPatientId, "neck");
        var page = await browser.NewPageAsync(1280, 900);
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);
        await PortalBrowser.GotoWorkspaceAsync(page, $"/patienten/{Baseline.NoordPatientId}/onderzoek/{assessmentId}/spierbalans");
        // A page load would clear this mark: the page must go on live, not by loading again.
        await page.EvaluateAsync("window.stillThisPage = true");

        await using (await DatabaseOutage.KeepAwayAsync(browser.Portal.ConnectionString))
        {
            await page.Locator("label[for=tone-upper-trapezius-overactive]").ClickAsync();
            // Up to about 14 seconds of retries first (ADR 0030).
            var error = page.Locator("#workspace-error");
            await Assertions.Expect(error).ToBeVisibleAsync(new() { Timeout = 40_000 });
            await Assertions.Expect(error).ToContainTextAsync("De gegevens van de praktijk waren even niet bereikbaar");
            Assert.DoesNotContain("Exception", await page.Locator("main").InnerTextAsync());
            await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
            await PortalBrowser.ScreenshotAsync(page, "workspace-database-away-1280");
            await page.SetViewportSizeAsync(390, 844);
            await PortalBrowser.ScreenshotAsync(page, "workspace-database-away-390");
            await page.SetViewportSizeAsync(1280, 900);
        }
        Assert.Null(await StoredToneAsync(assessmentId));

        await page.Locator("#workspace-error-retry").ClickAsync();
        await page.Locator("label[for=tone-upper-trapezius-overactive]").ClickAsync();

        await Assertions.Expect(page.Locator("#save-status")).ToContainTextAsync("opgeslagen om");
        await Stored.WaitForAsync(() => StoredToneAsync(assessmentId), tone => tone == MuscleTone.Overactive, "The rating after the retry was never saved");
        Assert.True(await page.EvaluateAsync<bool>("window.stillThisPage === true"));
        await Assertions.Expect(page.Locator("#workspace-error")).ToHaveCountAsync(0);
    }

    private async Task<MuscleTone?> StoredToneAsync(Guid assessmentId)
    {
        await using var scope = browser.Portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.ArrangeDb().Assessments.Where(a => a.Id == assessmentId)
            .SelectMany(a => a.Ratings).Where(r => r.MuscleId == "upper-trapezius").Select(r => (MuscleTone?)r.Tone).SingleOrDefaultAsync();
    }
}
