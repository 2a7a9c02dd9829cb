using Microsoft.Playwright;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.EndToEnd.Tests;

/// <summary>A therapist writes an exercise of the practice's own from the plan library and puts it in the plan.</summary>
public class OwnExercisesJourneyTests(PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    [Fact]
    public async Task An_own_exercise_written_from_the_library_link_is_offered_in_the_plan_marked_as_own()
    {
        var therapist = await browser.NewPageAsync();
        await PortalBrowser.LogInAsync(therapist, Baseline.NoordTherapist);
        var draft = await TestPlans.DraftAsync(browser.Portal, Baseline.NoordOtherPatientId, "pelvic-tilt");
        await PortalBrowser.GotoWorkspaceAsync(therapist, $"/patienten/{Baseline.NoordOtherPatientId}/plan/{draft.Id}");
        await therapist.Locator("#library-own-link").ClickAsync();
        await PortalBrowser.WaitForCircuitAsync(therapist);
        await Assertions.Expect(therapist.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Eigen oefeningen");

        await therapist.Locator("#own-new").ClickAsync();
        await therapist.Locator("#own-purpose").FillAsync("De rug soepel laten bewegen, wervel voor wervel.");
        await therapist.Locator("#own-save").ClickAsync();
        await Assertions.Expect(therapist.GetByRole(AriaRole.Alert).First).ToContainTextAsync("Niet opgeslagen");
        foreach (var (width, name) in new[] { (1280, "own-exercises-form-wide"), (390, "own-exercises-form-phone") })
        {
            await therapist.SetViewportSizeAsync(width, 900);
            await PortalBrowser.ScreenshotAsync(therapist, name);
        }
        await therapist.SetViewportSizeAsync(1280, 900);
        await therapist.Locator("#own-title").FillAsync("Kat en koe");
        await therapist.Locator("#own-steps").FillAsync("Ga op handen en knieën staan.\nMaak de rug langzaam bol.\nLaat de rug rustig hol zakken.");
        await therapist.Locator("#own-Repetitions").FillAsync("8");
        await therapist.Locator("#own-Repetitions").BlurAsync();
        await therapist.Locator("#own-save").ClickAsync();
        await Assertions.Expect(therapist.GetByRole(AriaRole.Status)).ToContainTextAsync("Kat en koe is opgeslagen.");
        foreach (var (width, name) in new[] { (1280, "own-exercises-list-wide"), (1024, "own-exercises-list-tablet"), (390, "own-exercises-list-phone") })
        {
            await therapist.SetViewportSizeAsync(width, 900);
            await PortalBrowser.ScreenshotAsync(therapist, name);
        }
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(therapist);

        await therapist.SetViewportSizeAsync(1280, 900);
        await PortalBrowser.GotoWorkspaceAsync(therapist, $"/patienten/{Baseline.NoordOtherPatientId}/plan/{draft.Id}");
        await therapist.Locator("#library-text").FillAsync("kat");
        var item = therapist.Locator(".library-item").Filter(new() { HasText = "Kat en koe" });
        await Assertions.Expect(item).ToContainTextAsync("Eigen oefening");
        await item.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(therapist.Locator(".plan-row .row-title").Last).ToContainTextAsync("Kat en koe");
        await PortalBrowser.ScreenshotAsync(therapist, "own-exercise-in-plan-wide");
    }
}
