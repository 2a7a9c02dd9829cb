using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.EndToEnd.Tests;

public class BalanceJourneyTests(PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    [Fact]
    public async Task Therapist_rates_the_upper_crossed_vignette_by_keyboard_analyses_and_accepts_the_pattern()
    {
        var assessmentId = await CreateAssessmentAsync();
        var page = await browser.NewPageAsync(1280, 1000);
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);
        await page.GotoAsync($"/patienten/{Baseline.NoordPatientId}/onderzoek/{assessmentId}/spierbalans");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);

        // Neck: arrows choose within a group, Tab goes on; unrated muscles are a single stop.
        await page.Locator("#tone-deep-neck-flexors-none").FocusAsync();
        await Keys(page, "ArrowLeft");
        await ExpectFocus(page, "tone-deep-neck-flexors-underactive");
        await Keys(page, "Tab");
        await ExpectFocus(page, "intensity-deep-neck-flexors-1");
        await Keys(page, "ArrowRight", "Tab");
        await ExpectFocus(page, "tone-sternocleidomastoid-none");
        await Keys(page, "Tab", "Tab", "Tab");
        await ExpectFocus(page, "tone-upper-trapezius-none");
        await Keys(page, "ArrowRight", "Tab", "ArrowRight", "ArrowRight", "Tab");
        await ExpectFocus(page, "side-upper-trapezius-both");
        await Keys(page, "Tab", "ArrowRight", "Tab", "ArrowRight", "Tab", "Tab");
        // Shoulder region: its summary, then two unrated muscles.
        await Keys(page, "Tab", "Tab", "Tab");
        // Chest region.
        await Keys(page, "Tab");
        await ExpectFocus(page, "tone-serratus-anterior-none");
        await Keys(page, "ArrowLeft", "Tab", "Tab", "Tab");
        await Keys(page, "ArrowRight", "Tab", "ArrowRight", "Tab", "Tab");
        await Keys(page, "ArrowRight", "Tab", "ArrowRight", "Tab", "Tab");
        await Keys(page, "Tab", "Tab");
        // Upper back.
        await Keys(page, "Tab");
        await ExpectFocus(page, "tone-middle-trapezius-none");
        await Keys(page, "ArrowLeft", "Tab", "ArrowRight", "Tab", "Tab");
        await Keys(page, "ArrowLeft", "Tab", "ArrowRight");
        await page.GetByLabel("Hoofd staat naar voren").FocusAsync();
        await Keys(page, "Space");

        foreach (var (id, state) in new[]
        {
            ("tone-deep-neck-flexors-underactive", true), ("intensity-deep-neck-flexors-2", true),
            ("tone-upper-trapezius-overactive", true), ("intensity-upper-trapezius-3", true),
            ("tone-levator-scapulae-overactive", true), ("intensity-levator-scapulae-2", true),
            ("tone-serratus-anterior-underactive", true), ("tone-pectoralis-major-overactive", true),
            ("tone-pectoralis-minor-overactive", true), ("tone-middle-trapezius-underactive", true),
            ("tone-lower-trapezius-underactive", true), ("tone-scalenes-none", true), ("observation-forward-head", true),
        })
        {
            Assert.Equal(state, await page.Locator($"#{id}").IsCheckedAsync());
        }
        await Assertions.Expect(page.Locator("#row-sternocleidomastoid .intensity-group")).ToBeHiddenAsync();
        await PortalBrowser.ScreenshotAsync(page, "balance-form");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Analyseren" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Analyse spierbalans");
        var card = page.Locator("#pattern-upper-crossed");
        await Assertions.Expect(card.Locator(".evidence-for li").First).ToBeVisibleAsync();
        await Assertions.Expect(card.Locator(".pattern-figures").First).ToContainTextAsync("Passend bij de beoordelingen");
        await Assertions.Expect(card.Locator(".pattern-figures").First).ToContainTextAsync("Beoordeeld van dit patroon");
        await Assertions.Expect(card.Locator("#pattern-scapular-to-upper-trapezius .part-of")).ToContainTextAsync("onderdeel van Bovenste gekruist syndroom (Janda)");
        await PortalBrowser.ScreenshotAsync(page, "balance-result");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);

        // The card also holds the narrower pattern that is part of it, with its own review form.
        await card.Locator("#note-upper-crossed").FillAsync("Past bij acht uur per dag beeldschermwerk.");
        await card.GetByRole(AriaRole.Button, new() { Name = "Klopt: Bovenste gekruist syndroom (Janda)" }).ClickAsync();

        await Assertions.Expect(page.Locator("#pattern-upper-crossed .review-badge").First).ToContainTextAsync("Klopt volgens therapeut");
        await Assertions.Expect(page.Locator("#pattern-upper-crossed .review-note").First).ToContainTextAsync("acht uur per dag");
        await PortalBrowser.ScreenshotAsync(page, "balance-result-reviewed");
    }

    private static async Task Keys(IPage page, params string[] keys)
    {
        foreach (var key in keys)
        {
            await page.Keyboard.PressAsync(key);
        }
    }

    private static async Task ExpectFocus(IPage page, string id) =>
        Assert.Equal(id, await page.EvaluateAsync<string>("document.activeElement.id"));

    private async Task<Guid> CreateAssessmentAsync()
    {
        await using var scope = browser.Portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        var therapistId = (await db.Users.SingleAsync(u => u.Email == Baseline.NoordTherapist)).Id;
        var now = browser.Portal.PracticeClock().Now;
        var assessment = new ClinicalAssessment
        {
            PatientId = Baseline.NoordPatientId,
            TherapistId = therapistId,
            CreatedAt = now,
            UpdatedAt = now,
            ComplaintRegions = ["neck", "shoulder:right"],
        };
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        return assessment.Id;
    }
}
