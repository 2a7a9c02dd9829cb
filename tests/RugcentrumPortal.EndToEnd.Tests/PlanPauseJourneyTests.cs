using Microsoft.Playwright;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.EndToEnd.Tests;

/// <summary>A therapist pauses a plan in the browser, and the patient's "Vandaag" on a phone says it is on hold.</summary>
public class PlanPauseJourneyTests(PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    [Fact]
    public async Task Therapist_pauses_the_plan_with_a_reason_and_the_patient_reads_that_it_is_on_hold()
    {
        await TestPlans.AddAsync(browser.Portal, Baseline.NoordPatientId, PlanStatus.Active, browser.Portal.PracticeClock().Now.AddDays(-7),
            TestPlans.Exercise("chin-tuck", perDay: 2, sets: 2, reps: 10), TestPlans.Exercise("breathing-4-6", perDay: 3, minutes: 2));
        var page = await browser.NewPageAsync();
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);
        await PortalBrowser.GotoWorkspaceAsync(page, $"/patienten/{Baseline.NoordPatientId}/plan");
        await PortalBrowser.ScreenshotAsync(page, "plan-page-status-buttons-1280");

        await page.Locator("#plan-pause").ClickAsync();
        await page.Locator("#pause-reason").FillAsync("Operatie aan de knie, na herstel verder");
        await PortalBrowser.ScreenshotAsync(page, "plan-pause-dialog-1280");
        await page.Locator("#pause-confirm").ClickAsync();

        await Assertions.Expect(page.GetByText("Versie 1 gepauzeerd")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".pause-reason")).ToContainTextAsync("Operatie aan de knie");
        await Assertions.Expect(page.Locator("#plan-resume")).ToBeVisibleAsync();
        await PortalBrowser.ScreenshotAsync(page, "plan-page-paused-1280");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);

        var phone = await browser.NewPageAsync(390, 844);
        await PortalBrowser.LogInAsync(phone, Baseline.NoordPatient);
        await phone.GotoAsync("/mijn");
        await Assertions.Expect(phone.Locator(".plan-held")).ToContainTextAsync("even stilgezet");
        await Assertions.Expect(phone.Locator(".today-card")).ToHaveCountAsync(0);
        await PortalBrowser.ScreenshotAsync(phone, "patient-today-paused-390");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(phone);
    }
}
