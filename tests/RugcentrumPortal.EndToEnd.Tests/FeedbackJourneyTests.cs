using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.EndToEnd.Tests;

/// <summary>What a patient writes reaches the therapist, who marks it read.</summary>
public class FeedbackJourneyTests(PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    [Fact]
    public async Task A_note_the_patient_writes_on_a_phone_appears_in_the_therapists_signals_and_is_marked_read()
    {
        await using (var scope = browser.Portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.ArrangeDb();
            if (!await db.Plans.AnyAsync(p => p.PatientId == Baseline.NoordPatientId))
            {
                await TestPlans.AddAsync(browser.Portal, Baseline.NoordPatientId, PlanStatus.Active, browser.Portal.PracticeClock().Now.AddDays(-3),
                    TestPlans.Exercise("chin-tuck", perDay: 1, sets: 2, reps: 10, hold: 5));
            }
        }
        var phone = await browser.NewPageAsync(390, 844);
        await PortalBrowser.LogInAsync(phone, Baseline.NoordPatient);
        await phone.GetByRole(AriaRole.Link, new() { Name = "Kin intrekken", Exact = true }).ClickAsync();
        await phone.GetByLabel("Wilt u iets kwijt?").FillAsync("Na de oefening tintelingen in mijn rechterhand.");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Status).Filter(new() { HasText = "Goed gedaan!" })).ToBeVisibleAsync();

        var therapist = await browser.NewPageAsync();
        await PortalBrowser.LogInAsync(therapist, Baseline.NoordTherapist);
        await therapist.GetByRole(AriaRole.Link, new() { Name = "Signalen" }).ClickAsync();
        await PortalBrowser.WaitForCircuitAsync(therapist);

        var note = therapist.Locator("li.is-new").Filter(new() { HasText = "tintelingen in mijn rechterhand" });
        await Assertions.Expect(note).ToContainTextAsync("Piet Proef");
        await Assertions.Expect(note).ToContainTextAsync("Kin intrekken");
        await PortalBrowser.ScreenshotAsync(therapist, "feedback-signals");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(therapist);
        await note.GetByRole(AriaRole.Button, new() { Name = "Markeer als gelezen" }).ClickAsync();

        await Assertions.Expect(therapist.Locator("li.is-read").Filter(new() { HasText = "tintelingen in mijn rechterhand" })).ToContainTextAsync("Gelezen");
        await therapist.SetViewportSizeAsync(1024, 768);
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(therapist);
    }
}
