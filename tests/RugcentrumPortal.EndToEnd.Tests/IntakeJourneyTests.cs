using Microsoft.Playwright;
using RugcentrumPortal.Clinical.Catalog;

namespace RugcentrumPortal.EndToEnd.Tests;

public class IntakeJourneyTests(PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    private static readonly string PatientPage = $"/patienten/{Baseline.NoordOtherPatientId}";

    /// <summary>The asked red-flag items in the order the form shows them: group by group.</summary>
    private static IEnumerable<string> QuestionsInFormOrder =>
        ClinicalCatalog.Default.ScreeningGroups.SelectMany(g => ClinicalCatalog.Default.RedFlags.Where(r => r.GroupId == g.Id && r.IsAsked)).Select(r => r.Id);

    /// <summary>
    /// Screenshots at desktop, tablet and phone width, and axe at desktop and tablet width, of the page as it is now;
    /// the page is left at desktop width.
    /// </summary>
    internal static async Task CheckAtEveryWidthAsync(IPage page, string name)
    {
        await PortalBrowser.ScreenshotAsync(page, name);
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
        await page.SetViewportSizeAsync(1024, 768);
        await PortalBrowser.ScreenshotAsync(page, name + "-tablet");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
        await page.SetViewportSizeAsync(390, 844);
        await PortalBrowser.ScreenshotAsync(page, name + "-phone");
        await page.SetViewportSizeAsync(1280, 900);
    }

    [Fact]
    public async Task Therapist_screens_a_patient_with_the_keyboard_finds_niet_pluis_records_a_referral_and_then_the_physicians_clearance()
    {
        var page = await browser.NewPageAsync(1280, 900);
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);
        await page.GotoAsync(PatientPage);

        await page.GetByRole(AriaRole.Link, new() { Name = "Nieuw onderzoek" }).ClickAsync();
        await PortalBrowser.WaitForCircuitAsync(page);
        await CheckAtEveryWidthAsync(page, "assessment-start");
        await page.GetByRole(AriaRole.Button, new() { Name = "Onderzoek starten" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/intake$"));
        await page.Locator("#complaint-description").WaitForAsync();

        // A click on the drawing ticks the same checkbox as the list, through its label.
        await page.Locator("label.zone-hit[for='complaint-low-back']").First.ClickAsync();
        await Assertions.Expect(page.Locator("#complaint-low-back")).ToBeCheckedAsync();
        await page.GetByLabel("Korte omschrijving van de klacht").FillAsync("Zeurende pijn laag in de rug, vooral 's nachts");
        await page.Locator("#duration").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("3 tot 12 maanden (chronisch)").ClickAsync();
        await Assertions.Expect(page.Locator("#duration")).ToHaveValueAsync("3 tot 12 maanden (chronisch)");

        // Keyboard only through the questions: Space answers yes, an arrow moves to no and selects it, Tab goes on.
        var yes = new HashSet<string> { "night-pain", "weight-loss", "cancer-history" };
        var questions = QuestionsInFormOrder.ToList();
        await page.Locator($"#a-{questions[0]}-yes").FocusAsync();
        foreach (var id in questions)
        {
            await page.Keyboard.PressAsync(yes.Contains(id) ? "Space" : "ArrowRight");
            await page.Keyboard.PressAsync("Tab");
        }
        foreach (var id in questions)
        {
            await Assertions.Expect(page.Locator($"#a-{id}-{(yes.Contains(id) ? "yes" : "no")}")).ToBeCheckedAsync();
        }
        await CheckAtEveryWidthAsync(page, "intake-form");

        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en screening afronden" }).ClickAsync();

        var conclusion = page.Locator("#conclusion");
        await Assertions.Expect(conclusion).ToContainTextAsync("Urgent: binnen enkele dagen naar de huisarts");
        await Assertions.Expect(conclusion).ToContainTextAsync(ClinicalCatalog.Default.AdviceByUrgency[Clinical.Screening.Urgency.UrgentGp].Nl);
        await Assertions.Expect(page.Locator(".flag-list li")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#required-unlock")).ToContainTextAsync("Medische vrijgave nodig");
        await Assertions.Expect(page.Locator(".plan-status")).ToContainTextAsync("Een behandelplan kan nog niet starten");
        await CheckAtEveryWidthAsync(page, "assessment-overview-niet-pluis");

        await page.GetByLabel("Doorverwijzing vastgelegd").CheckAsync();
        await page.GetByLabel("Advies gegeven aan de patiënt").FillAsync("Deze week een afspraak bij de huisarts maken");
        await page.Locator("#consent-yes").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen" }).ClickAsync();

        // At the urgent tier the referral documents the advice; only the physician's clearance releases a plan.
        await Assertions.Expect(page.Locator(".recorded-decision")).ToContainTextAsync("Deze week een afspraak bij de huisarts maken");
        await Assertions.Expect(page.Locator("#required-unlock")).ToContainTextAsync("Medische vrijgave nodig");
        await Assertions.Expect(page.Locator(".plan-status")).ToContainTextAsync("eerst een medische vrijgave nodig");
        await CheckAtEveryWidthAsync(page, "assessment-overview-decision");

        await page.GetByLabel("Arts die de patiënt zag").FillAsync("Dr. M. Jansen");
        await page.GetByLabel("Rol van de arts").FillAsync("huisarts");
        var date = page.GetByLabel("Datum waarop de arts de patiënt zag");
        await date.FillAsync(DateTime.Today.AddDays(-1).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await date.PressAsync("Tab");
        await page.GetByLabel("Wat de arts heeft uitgesloten").FillAsync("Geen aanwijzing voor een maligniteit na bloedonderzoek");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vrijgave vastleggen" }).ClickAsync();

        await Assertions.Expect(page.Locator(".recorded-clearance")).ToContainTextAsync("Dr. M. Jansen");
        await Assertions.Expect(page.Locator(".plan-status")).ToContainTextAsync("Een behandelplan mag starten");
        await CheckAtEveryWidthAsync(page, "assessment-overview-clearance");

        await page.GotoAsync(PatientPage);
        await Assertions.Expect(page.Locator(".assessment-history tbody tr", new() { HasText = "Niet pluis" }).First).ToContainTextAsync("Urgent");
        await PortalBrowser.ScreenshotAsync(page, "patient-page-history");
    }

    [Fact]
    public async Task A_screening_with_only_no_answers_is_pluis_points_to_the_muscle_balance_and_the_emergency_view_is_unmistakable()
    {
        var page = await browser.NewPageAsync(1280, 900);
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);

        await PortalBrowser.GotoWorkspaceAsync(page, $"/patienten/{Baseline.NoordPatientId}/onderzoek/nieuw");
        await page.GetByRole(AriaRole.Button, new() { Name = "Onderzoek starten" }).ClickAsync();
        await page.Locator("#complaint-description").WaitForAsync();
        await page.GetByLabel("Leeftijd bij ontstaan").FillAsync("50");
        foreach (var id in QuestionsInFormOrder)
        {
            await page.Locator($"#a-{id}-no").CheckAsync();
        }
        await page.Locator("#yellow-persistent-stress").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en screening afronden" }).ClickAsync();

        await Assertions.Expect(page.Locator("#conclusion")).ToContainTextAsync("Pluis");
        await Assertions.Expect(page.Locator("#next-step")).ToContainTextAsync("Beoordeel nu de spierbalans");
        await CheckAtEveryWidthAsync(page, "assessment-overview-pluis");

        await page.Locator("#next-step").GetByRole(AriaRole.Link, new() { Name = "Intake bewerken" }).ClickAsync();
        await page.Locator("#a-saddle-numbness-yes").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en screening afronden" }).ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Spoed" });
        await Assertions.Expect(alert).ToContainTextAsync("Spoed: vandaag nog laten beoordelen");
        await Assertions.Expect(alert.Locator(".urgency-emergency-icon")).ToHaveCountAsync(1);
        await CheckAtEveryWidthAsync(page, "assessment-overview-emergency");
    }

    [Fact]
    public async Task Missing_answers_are_pointed_out_the_answers_given_stay_and_the_page_stays_accessible()
    {
        var page = await browser.NewPageAsync(1280, 900);
        await PortalBrowser.LogInAsync(page, Baseline.NoordSecondTherapist);
        await PortalBrowser.GotoWorkspaceAsync(page, $"/patienten/{Baseline.NoordOtherPatientId}/onderzoek/nieuw");
        await page.GetByRole(AriaRole.Button, new() { Name = "Onderzoek starten" }).ClickAsync();
        await page.Locator("#complaint-description").WaitForAsync();
        await page.Locator("#a-night-pain-yes").CheckAsync();
        await page.Locator("#a-weight-loss-no").CheckAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en screening afronden" }).ClickAsync();

        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("Nog niet beantwoord");
        await Assertions.Expect(page.Locator("#a-night-pain-yes")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#a-weight-loss-no")).ToBeCheckedAsync();
        await CheckAtEveryWidthAsync(page, "intake-form-errors");
    }
}
