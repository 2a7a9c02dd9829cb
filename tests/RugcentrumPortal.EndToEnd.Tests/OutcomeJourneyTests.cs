using Microsoft.Playwright;

namespace RugcentrumPortal.EndToEnd.Tests;

public class OutcomeJourneyTests(PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    private static readonly string PietList = $"/patienten/{Baseline.NoordPatientId}/metingen";

    [Fact]
    public async Task Therapist_sends_the_odi_the_patient_fills_it_in_on_a_phone_and_the_therapist_sees_the_score()
    {
        var therapist = await browser.NewPageAsync();
        await PortalBrowser.LogInAsync(therapist, Baseline.NoordTherapist);
        await PortalBrowser.GotoWorkspaceAsync(therapist, PietList);
        await therapist.Locator("#instrument-odi").GetByRole(AriaRole.Button, new() { Name = "Naar patiënt sturen" }).ClickAsync();
        await Assertions.Expect(therapist.Locator("#outcome-status")).ToContainTextAsync("is naar de patiënt gestuurd");

        var phone = await browser.NewPageAsync(390, 844);
        await PortalBrowser.LogInAsync(phone, Baseline.NoordPatient);
        await phone.GotoAsync("/mijn");
        await PortalBrowser.ScreenshotAsync(phone, "outcome-patient-home-phone");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(phone);
        await phone.GetByRole(AriaRole.Link, new() { Name = "Invullen" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("Vraag 3 van 10")).ToBeVisibleAsync();
        int?[] answers = [2, 3, 1, 2, 2, null, 1, 0, 2, 1];
        for (var i = 0; i < answers.Length; i++)
        {
            await phone.Locator($"label[for=item-{i}-{(answers[i]?.ToString() ?? "none")}]").ClickAsync();
        }
        await PortalBrowser.ScreenshotAsync(phone, "outcome-patient-questionnaire-phone");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(phone);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Antwoorden versturen" }).ClickAsync();

        await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("Dank u wel");
        await PortalBrowser.ScreenshotAsync(phone, "outcome-patient-thanks-phone");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(phone);

        await PortalBrowser.GotoWorkspaceAsync(therapist, PietList);
        var odi = therapist.Locator("#instrument-odi");
        await Assertions.Expect(odi).ToContainTextAsync("31,1%");
        await Assertions.Expect(odi).ToContainTextAsync("ingevuld door patiënt");
        await IntakeJourneyTests.CheckAtEveryWidthAsync(therapist, "outcome-therapist-list");
    }

    [Fact]
    public async Task Therapist_enters_two_pain_scores_with_the_keyboard_and_sees_the_change_on_the_patient_page()
    {
        var page = await browser.NewPageAsync();
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);
        var otherPatient = $"/patienten/{Baseline.NoordOtherPatientId}";

        foreach (var value in new[] { "7", "4" })
        {
            await PortalBrowser.GotoWorkspaceAsync(page, $"{otherPatient}/metingen/nieuw/nprs");
            await page.Locator("#value-0").FocusAsync();
            for (var step = 0; step < int.Parse(value); step++)
            {
                await page.Keyboard.PressAsync("ArrowRight");
            }
            await Assertions.Expect(page.Locator($"#value-{value}")).ToBeCheckedAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Meting opslaan" }).ClickAsync();
            await Assertions.Expect(page.Locator("#outcome-status")).ToContainTextAsync("opgeslagen");
        }

        await Assertions.Expect(page.Locator("#instrument-nprs tbody tr").First).ToContainTextAsync("\u22123 punten, betekenisvolle verbetering");
        await page.GotoAsync(otherPatient);
        await Assertions.Expect(page.Locator("[aria-labelledby=outcomes-heading]")).ToContainTextAsync("betekenisvolle verbetering");
        await PortalBrowser.ScreenshotAsync(page, "outcome-patient-page-overview");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
    }

    [Theory]
    [InlineData("odi", "outcome-entry-odi-errors")]
    [InlineData("psk", "outcome-entry-psk-errors")]
    public async Task Entry_forms_with_errors_keep_the_answers_and_have_no_serious_accessibility_violations(string instrument, string name)
    {
        var page = await browser.NewPageAsync();
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);
        await PortalBrowser.GotoWorkspaceAsync(page, $"{PietList}/nieuw/{instrument}");
        if (instrument == "psk")
        {
            await page.GetByLabel("Activiteit 1", new() { Exact = true }).FillAsync("Traplopen");
            await page.GetByLabel("Score (0-10)").First.FillAsync("7");
        }
        else
        {
            await page.Locator("#item-0-3").CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Meting opslaan" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("Niet alles is goed ingevuld");
        if (instrument == "psk")
        {
            await Assertions.Expect(page.GetByLabel("Activiteit 1", new() { Exact = true })).ToHaveValueAsync("Traplopen");
        }
        else
        {
            await Assertions.Expect(page.Locator("#item-0-3")).ToBeCheckedAsync();
        }
        await IntakeJourneyTests.CheckAtEveryWidthAsync(page, name);
    }
}
