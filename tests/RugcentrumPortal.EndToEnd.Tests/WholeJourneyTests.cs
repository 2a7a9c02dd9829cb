using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RugcentrumPortal.Clinical.Catalog;

namespace RugcentrumPortal.EndToEnd.Tests;

/// <summary>
/// Whole journeys through the browser only, for the invented vignette of an office worker with neck pain: the intake
/// from screening to the upper-crossed pattern, and from there the plan, the patient's own account and her first day.
/// </summary>
public class WholeJourneyTests(PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    private static readonly string PatientPage = $"/patienten/{Baseline.NoordOtherPatientId}";
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    private static readonly (string Muscle, string Tone, int Intensity)[] UpperCrossedFindings =
    [
        ("deep-neck-flexors", "underactive", 2), ("upper-trapezius", "overactive", 3), ("levator-scapulae", "overactive", 2),
        ("serratus-anterior", "underactive", 2), ("pectoralis-major", "overactive", 2), ("pectoralis-minor", "overactive", 2),
        ("middle-trapezius", "underactive", 2), ("lower-trapezius", "underactive", 2),
    ];

    private static string UpperCrossedName => ClinicalCatalog.Default.PatternsById["upper-crossed"].Name.Nl;

    [Fact]
    public async Task Neck_pain_intake_screens_pluis_and_ends_at_the_accepted_upper_crossed_pattern()
    {
        var page = await browser.NewPageAsync(1280, 1000);
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);

        await CompleteNeckPainAssessmentAsync(page, "journey-intake-result");

        await page.GotoAsync(PatientPage);
        await Assertions.Expect(page.Locator(".assessment-history tbody tr").First).ToContainTextAsync("Pluis");
    }

    [Fact]
    public async Task Plan_from_the_suggestion_edited_and_activated_reaches_the_patient_by_typed_code_and_her_note_reaches_the_therapist()
    {
        var therapist = await browser.NewPageAsync(1280, 1000);
        await PortalBrowser.LogInAsync(therapist, Baseline.NoordTherapist);
        await CompleteNeckPainAssessmentAsync(therapist, screenshot: null);

        await PortalBrowser.GotoWorkspaceAsync(therapist, $"{PatientPage}/plan");
        await therapist.GetByRole(AriaRole.Button, new() { Name = "Suggestie overnemen" }).ClickAsync();
        await Assertions.Expect(therapist.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Concept versie 1");
        Assert.True(await therapist.Locator(".plan-row").CountAsync() > 0, "The suggestion gave an empty plan.");
        var precautions = therapist.Locator(".precaution-block");
        for (var i = 0; i < await precautions.CountAsync(); i++)
        {
            // Each change is saved as it is made; the next one waits until the builder has the answer.
            var done = await therapist.Locator("#save-status").GetAttributeAsync("data-done");
            await precautions.Nth(i).GetByLabel("Ik heb de voorzorg gelezen").CheckAsync();
            await Assertions.Expect(therapist.Locator("#save-status")).Not.ToHaveAttributeAsync("data-done", done!);
            done = await therapist.Locator("#save-status").GetAttributeAsync("data-done");
            await precautions.Nth(i).GetByLabel("Toelichting bij de voorzorg").FillAsync("Besproken met de patiënt; rustig opbouwen.");
            await precautions.Nth(i).GetByLabel("Toelichting bij de voorzorg").PressAsync("Tab");
            await Assertions.Expect(therapist.Locator("#save-status")).Not.ToHaveAttributeAsync("data-done", done!);
        }
        var edited = Regex.Replace(await therapist.Locator(".plan-row .row-title").First.InnerTextAsync(), @"^\d+\.\s*", "");
        var saved = await therapist.Locator("#save-status").GetAttributeAsync("data-done");
        await therapist.Locator("#row-0-instructions").FillAsync("Rustig aan, alleen tot de eerste spanning.");
        await therapist.Locator("#row-0-instructions").PressAsync("Tab");
        await Assertions.Expect(therapist.Locator("#save-status")).Not.ToHaveAttributeAsync("data-done", saved!);
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(therapist);
        await therapist.GetByRole(AriaRole.Button, new() { Name = "Plan activeren" }).ClickAsync();
        await Assertions.Expect(therapist.GetByText("Versie 1 actief")).ToBeVisibleAsync();
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(therapist);

        await therapist.GotoAsync($"{PatientPage}/uitnodiging");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(therapist);
        await therapist.GetByRole(AriaRole.Button, new() { Name = "Brief maken" }).ClickAsync();
        await Assertions.Expect(therapist.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welkom, Els");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(therapist);
        var code = (await therapist.Locator(".letter-code").TextContentAsync())!.Trim();

        var phone = await browser.NewPageAsync(390, 844);
        await phone.GotoAsync("/code");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(phone);
        await phone.GetByLabel("Code").FillAsync(code);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Verder" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welkom, Els");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(phone);
        await phone.GetByLabel("Nieuw wachtwoord").FillAsync("koffie-en-kin-intrekken-42");
        await phone.GetByLabel("Herhaal het wachtwoord").FillAsync("koffie-en-kin-intrekken-42");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord opslaan en verder" }).ClickAsync();
        await Assertions.Expect(phone).ToHaveURLAsync(new Regex(@"/mijn(\?|$)"));
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Goedendag Els");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(phone);

        var titles = await phone.Locator(".today-list .today-card h4 a").AllTextContentsAsync();
        Assert.NotEmpty(titles);
        foreach (var title in titles)
        {
            await phone.GetByRole(AriaRole.Button, new() { Name = $"Gedaan: {title}", Exact = true }).ClickAsync();
            await Assertions.Expect(phone.GetByRole(AriaRole.Status).Filter(new() { HasText = "Goed gedaan!" })).ToBeVisibleAsync();
            await Assertions.Expect(Card(phone, title)).ToContainTextAsync("Gedaan om");
        }

        var logged = edited;
        await phone.GetByRole(AriaRole.Link, new() { Name = logged, Exact = true }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(logged);
        await Assertions.Expect(phone.Locator(".therapist-note")).ToHaveTextAsync("Rustig aan, alleen tot de eerste spanning.");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(phone);
        await phone.Locator("label[for=outcome-Done]").ClickAsync();
        await phone.Locator("label[for=pain-3]").ClickAsync();
        await phone.GetByLabel("Wilt u iets kwijt?").FillAsync("Nek voelt losser na het kin intrekken.");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Status).Filter(new() { HasText = "Goed gedaan!" })).ToBeVisibleAsync();
        foreach (var title in titles)
        {
            await Assertions.Expect(Card(phone, title)).ToContainTextAsync("Gedaan om");
        }
        await PortalBrowser.ScreenshotAsync(phone, "journey-patient-today-phone");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(phone);

        // The practice's day, which differs from the machine's around midnight.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).DateTime);
        await phone.GetByRole(AriaRole.Link, new() { Name = "Voortgang" }).ClickAsync();
        var summary = phone.Locator(".progress-summary");
        await Assertions.Expect(summary.Locator(".summary-figure")).ToHaveTextAsync(new Regex(@"^[1-9]\d*% van uw oefeningen gedaan$"));
        await Assertions.Expect(summary).ToContainTextAsync($"Laatst ingevuld: {today.ToString("dddd d MMMM", Dutch)}");
        var thisWeek = phone.Locator(".progress-table tbody tr").First;
        await Assertions.Expect(thisWeek.Locator("th")).ToHaveTextAsync(WeekStart(today).ToString("d MMM", Dutch));
        await Assertions.Expect(thisWeek.Locator("td").Nth(1)).ToHaveTextAsync("3");
        var patientPercent = Regex.Match(await summary.Locator(".summary-figure").InnerTextAsync(), @"\d+").Value;
        await PortalBrowser.ScreenshotAsync(phone, "journey-patient-progress-phone");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(phone);

        await therapist.GotoAsync($"{PatientPage}/voortgang");
        var figures = therapist.Locator(".progress-summary-therapist > div");
        var adherence = figures.Filter(new() { HasText = "Oefentrouw deze week" }).Locator(".fs-4");
        await Assertions.Expect(adherence).ToHaveTextAsync(new Regex(@"^[1-9]\d*%$"));
        Assert.Equal($"{patientPercent}%", await adherence.InnerTextAsync());
        await Assertions.Expect(figures.Filter(new() { HasText = "Pijn" }).Locator(".fs-4")).ToHaveTextAsync("3");
        await Assertions.Expect(figures.Filter(new() { HasText = "Laatst iets ingevuld" }).Locator(".fs-5"))
            .ToHaveTextAsync(today.ToString("d MMM yyyy", Dutch));
        await PortalBrowser.ScreenshotAsync(therapist, "journey-therapist-progress");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(therapist);

        await therapist.GetByRole(AriaRole.Link, new() { Name = "Signalen" }).ClickAsync();
        await PortalBrowser.WaitForCircuitAsync(therapist);
        // Els's treating therapist is a colleague; the therapist who assessed her finds her note among the practice's patients.
        await therapist.GetByRole(AriaRole.Switch, new() { Name = "Alle patiënten van de praktijk" }).CheckAsync();
        var note = therapist.Locator("li.is-new").Filter(new() { HasText = "Nek voelt losser na het kin intrekken." });
        await Assertions.Expect(note).ToContainTextAsync("Els");
        await Assertions.Expect(note).ToContainTextAsync(logged);
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(therapist);
    }

    /// <summary>
    /// The vignette from the patient page to a completed assessment, as the therapist does it; when a screenshot name is
    /// given, the completed result page is saved under it. Runs again on a patient with an earlier assessment, whose
    /// complaint the new one starts from.
    /// </summary>
    private static async Task CompleteNeckPainAssessmentAsync(IPage page, string? screenshot)
    {
        await page.GotoAsync(PatientPage);
        await page.GetByRole(AriaRole.Link, new() { Name = "Nieuw onderzoek" }).ClickAsync();
        await PortalBrowser.WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Onderzoek starten" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/onderzoek/[0-9a-f-]{36}/intake$"));
        await page.Locator("#complaint-description").WaitForAsync();

        var neck = page.Locator("#complaint-neck");
        if (!await neck.IsCheckedAsync())
        {
            await page.Locator("label.zone-hit[for='complaint-neck']").First.ClickAsync();
        }
        await Assertions.Expect(neck).ToBeCheckedAsync();
        await page.GetByLabel("Korte omschrijving van de klacht").FillAsync("Stijve, zeurende nek na een dag beeldschermwerk");
        await page.GetByLabel("Ontstaan", new() { Exact = true }).FillAsync("Geleidelijk sinds een nieuwe werkplek op kantoor");
        await page.Locator("#duration").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("6 tot 12 weken (subacuut)").ClickAsync();
        await Assertions.Expect(page.Locator("#duration")).ToHaveValueAsync("6 tot 12 weken (subacuut)");
        foreach (var item in ClinicalCatalog.Default.RedFlags.Where(r => r.IsAsked))
        {
            await page.Locator($"#a-{item.Id}-no").CheckAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en screening afronden" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/onderzoek/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("#conclusion h3")).ToHaveTextAsync("Pluis");
        await Assertions.Expect(page.GetByText("Een behandelplan mag starten.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".flag-list")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Spierbalans invullen" }).ClickAsync();
        await PortalBrowser.WaitForCircuitAsync(page);
        // Regions outside the complaint start folded; this vignette rates chest and upper back too.
        foreach (var region in new[] { "chest", "upper-back" })
        {
            var panel = page.Locator($"#region-{region}");
            if (!(await panel.GetAttributeAsync("class") ?? "").Contains("is-open"))
            {
                await panel.Locator(".region-toggle").ClickAsync();
            }
        }
        foreach (var (muscle, tone, intensity) in UpperCrossedFindings)
        {
            await page.Locator($"label[for=tone-{muscle}-{tone}]").ClickAsync();
            await page.Locator($"label[for=intensity-{muscle}-{intensity}]").ClickAsync();
        }
        await page.GetByLabel("Hoofd staat naar voren").CheckAsync();
        await page.GetByLabel("Schouders naar voren getrokken").CheckAsync();
        foreach (var (muscle, tone, intensity) in UpperCrossedFindings)
        {
            await Assertions.Expect(page.Locator($"#tone-{muscle}-{tone}")).ToBeCheckedAsync();
            await Assertions.Expect(page.Locator($"#intensity-{muscle}-{intensity}")).ToBeCheckedAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Analyseren" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/resultaat$"));
        var card = page.Locator("section[aria-labelledby=analysis-found-heading] #pattern-upper-crossed");
        await Assertions.Expect(card.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync(UpperCrossedName);
        var support = card.Locator(".evidence-for li");
        await Assertions.Expect(support.Filter(new() { HasText = "Monnikskapspier, bovenste deel" }).First).ToBeVisibleAsync();
        Assert.True(await support.CountAsync() >= UpperCrossedFindings.Length,
            $"Expected evidence for every rated finding, got: {string.Join(" | ", await support.AllInnerTextsAsync())}");

        // The card also holds the narrower pattern that is part of it, with its own review form.
        await card.Locator("#note-upper-crossed").FillAsync("Past bij veel beeldschermwerk op kantoor.");
        await card.GetByRole(AriaRole.Button, new() { Name = $"Klopt: {UpperCrossedName}" }).ClickAsync();
        await Assertions.Expect(page.Locator("#pattern-upper-crossed .review-badge").First).ToContainTextAsync("Klopt volgens therapeut");

        await page.GetByRole(AriaRole.Button, new() { Name = "Onderzoek afronden" }).ClickAsync();
        await Assertions.Expect(page.Locator(".status-completed")).ToContainTextAsync("Afgerond op");
        await Assertions.Expect(page.Locator("#pattern-upper-crossed .review-badge").First).ToContainTextAsync("Klopt volgens therapeut");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Onderzoek afronden" })).ToHaveCountAsync(0);
        if (screenshot is not null)
        {
            await PortalBrowser.ScreenshotAsync(page, screenshot);
            await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
        }
    }

    private static ILocator Card(IPage page, string title) =>
        page.Locator(".today-card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title, Exact = true }) });

    private static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
