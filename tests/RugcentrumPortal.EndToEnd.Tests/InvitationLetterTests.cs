using Microsoft.Playwright;

namespace RugcentrumPortal.EndToEnd.Tests;

public class InvitationLetterTests(PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    [Fact]
    public async Task The_printed_letter_shows_the_practice_the_qr_code_and_a_typable_code_that_leads_to_the_password_form()
    {
        var therapist = await browser.NewPageAsync();
        await PortalBrowser.LogInAsync(therapist, Baseline.NoordTherapist);
        await therapist.GotoAsync($"/patienten/{Baseline.NoordOtherPatientId}/uitnodiging");
        await therapist.GetByRole(AriaRole.Button, new() { Name = "Brief maken" }).ClickAsync();
        await Assertions.Expect(therapist.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welkom, Els");
        await therapist.EmulateMediaAsync(new() { Media = Media.Print });
        await PortalBrowser.ScreenshotAsync(therapist, "invitation-letter-print");
        await Assertions.Expect(therapist.GetByRole(AriaRole.Link, new() { Name = "Terug" })).ToBeHiddenAsync();
        await therapist.EmulateMediaAsync(new() { Media = Media.Screen });
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(therapist);
        var code = (await therapist.Locator(".letter-code").TextContentAsync())!.Trim();

        var patient = await browser.NewPageAsync(390, 844);
        await patient.GotoAsync("/code");
        await patient.GetByLabel("Code").FillAsync(code.ToLowerInvariant());
        await PortalBrowser.ScreenshotAsync(patient, "invitation-code-phone");
        await patient.GetByRole(AriaRole.Button, new() { Name = "Verder" }).ClickAsync();

        await Assertions.Expect(patient.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welkom, Els");
        await Assertions.Expect(patient.GetByLabel("Nieuw wachtwoord")).ToBeVisibleAsync();
    }
}
