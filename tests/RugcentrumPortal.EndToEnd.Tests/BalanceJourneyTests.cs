using Microsoft.Playwright;

namespace RugcentrumPortal.EndToEnd.Tests;

public class BalanceJourneyTests(PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    private static readonly (string Muscle, string Tone, int Intensity)[] UpperCrossed =
    [
        ("upper-trapezius", "overactive", 3),
        ("levator-scapulae", "overactive", 2),
        ("deep-neck-flexors", "underactive", 2),
        ("pectoralis-major", "overactive", 2),
        ("pectoralis-minor", "overactive", 2),
        ("serratus-anterior", "underactive", 1),
        ("middle-trapezius", "underactive", 2),
        ("lower-trapezius", "underactive", 2),
    ];

    [Fact]
    public async Task Rating_moves_the_counters_and_the_panel_without_a_page_load_and_the_ratings_survive_a_reload()
    {
        var assessmentId = await TestAssessments.DraftAsync(browser.Portal, Baseline.NoordPatientId, "neck", "shoulder:right");
        var page = await browser.NewPageAsync(1280, 900);
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);
        var url = FormPath(assessmentId);
        await PortalBrowser.GotoWorkspaceAsync(page, url);
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
        // A page load would clear this mark; live updates keep it.
        await page.EvaluateAsync("window.stillThisPage = true");

        await Assertions.Expect(page.Locator("#region-neck .region-count")).ToContainTextAsync("0 van");
        await page.Locator("label[for=tone-upper-trapezius-overactive]").ClickAsync();

        await Assertions.Expect(page.Locator("#region-neck .region-count")).ToContainTextAsync("1 van");
        await Assertions.Expect(page.Locator("#rated-total")).ToHaveTextAsync("1 van 48 spieren beoordeeld");
        await Assertions.Expect(page.Locator(".loaded-chains li").First).ToBeVisibleAsync();

        await RateUpperCrossedAsync(page);
        await page.GetByLabel("Hoofd staat naar voren").CheckAsync();

        await Assertions.Expect(page.Locator("#rated-total")).ToHaveTextAsync("8 van 48 spieren beoordeeld");
        await Assertions.Expect(page.Locator(".found-patterns li[data-pattern=upper-crossed]")).ToContainTextAsync("Bovenste gekruist syndroom");
        await Assertions.Expect(page.Locator("#save-status")).ToContainTextAsync("opgeslagen om");
        Assert.True(await page.EvaluateAsync<bool>("window.stillThisPage === true"));
        Assert.EndsWith(url, page.Url);
        await PortalBrowser.ScreenshotAsync(page, "balance-form");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);

        await page.ReloadAsync();
        await PortalBrowser.WaitForCircuitAsync(page);

        foreach (var (muscle, tone, intensity) in UpperCrossed)
        {
            await Assertions.Expect(page.Locator($"#tone-{muscle}-{tone}")).ToBeCheckedAsync();
            await Assertions.Expect(page.Locator($"#intensity-{muscle}-{intensity}")).ToBeCheckedAsync();
        }
        await Assertions.Expect(page.GetByLabel("Hoofd staat naar voren")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#rated-total")).ToHaveTextAsync("8 van 48 spieren beoordeeld");

        await page.SetViewportSizeAsync(1024, 768);
        await Assertions.Expect(page.Locator(".balance-panel")).ToBeInViewportAsync();
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
        await PortalBrowser.ScreenshotAsync(page, "balance-form-tablet");
        await page.SetViewportSizeAsync(390, 844);
        await PortalBrowser.ScreenshotAsync(page, "balance-form-phone");
    }

    [Fact]
    public async Task Therapist_rates_by_keyboard_analyses_reviews_two_patterns_completes_and_finds_the_plan_as_next_step()
    {
        var assessmentId = await TestAssessments.DraftAsync(browser.Portal, Baseline.NoordPatientId, "neck", "shoulder:right");
        var page = await browser.NewPageAsync(1280, 1000);
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);
        await PortalBrowser.GotoWorkspaceAsync(page, FormPath(assessmentId));

        // Arrows choose within a group, Tab goes on; an unrated muscle is a single stop.
        await page.Locator("#tone-deep-neck-flexors-none").FocusAsync();
        await Keys(page, "ArrowLeft");
        await Assertions.Expect(page.Locator("#tone-deep-neck-flexors-underactive")).ToBeCheckedAsync();
        // The intensity choice appears once the live page has the rating.
        await Assertions.Expect(page.Locator("#intensity-deep-neck-flexors-1")).ToBeCheckedAsync();
        await Keys(page, "Tab");
        await ExpectFocus(page, "intensity-deep-neck-flexors-1");
        await Keys(page, "ArrowRight");
        await Assertions.Expect(page.Locator("#intensity-deep-neck-flexors-2")).ToBeCheckedAsync();
        await Keys(page, "Tab");
        await ExpectFocus(page, "tone-sternocleidomastoid-none");
        await Assertions.Expect(page.Locator("#row-sternocleidomastoid .intensity-group")).ToHaveCountAsync(0);
        await RateUpperCrossedAsync(page);
        await Assertions.Expect(page.Locator("#save-status")).ToContainTextAsync("opgeslagen om");

        await page.GetByRole(AriaRole.Button, new() { Name = "Analyseren" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Analyse spierbalans");
        await PortalBrowser.WaitForCircuitAsync(page);
        var card = page.Locator("#pattern-upper-crossed");
        await Assertions.Expect(card.Locator(".evidence-for li").First).ToBeVisibleAsync();
        await Assertions.Expect(card.Locator(".pattern-figures").First).ToContainTextAsync("Passend bij de beoordelingen");
        await Assertions.Expect(card.Locator("#pattern-scapular-to-upper-trapezius .part-of")).ToContainTextAsync("onderdeel van Bovenste gekruist syndroom (Janda)");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);

        // A note typed on the narrower pattern stays while the broader one is accepted.
        await page.Locator("#note-scapular-to-upper-trapezius").FillAsync("Schouderblad komt los bij heffen.");
        await card.Locator("#note-upper-crossed").FillAsync("Past bij acht uur per dag beeldschermwerk.");
        await card.GetByRole(AriaRole.Button, new() { Name = "Klopt: Bovenste gekruist syndroom (Janda)" }).ClickAsync();

        await Assertions.Expect(page.Locator("#pattern-upper-crossed .review-badge").First).ToContainTextAsync("Klopt volgens therapeut");
        await Assertions.Expect(page.Locator("#pattern-upper-crossed .review-note").First).ToContainTextAsync("acht uur per dag");
        await Assertions.Expect(page.Locator("#note-scapular-to-upper-trapezius")).ToHaveValueAsync("Schouderblad komt los bij heffen.");
        await PortalBrowser.ScreenshotAsync(page, "balance-result-reviewed");

        await page.GetByRole(AriaRole.Button, new() { Name = "Onderzoek afronden" }).ClickAsync();

        await Assertions.Expect(page.Locator(".status-completed")).ToContainTextAsync("Afgerond op");
        var plan = page.GetByRole(AriaRole.Link, new() { Name = "Plan maken" });
        await Assertions.Expect(plan).ToBeVisibleAsync();
        await Assertions.Expect(plan).ToHaveAttributeAsync("href", $"patienten/{Baseline.NoordPatientId}/plan");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
        await PortalBrowser.ScreenshotAsync(page, "balance-result");
        await page.SetViewportSizeAsync(1024, 768);
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
        await PortalBrowser.ScreenshotAsync(page, "balance-result-tablet");
        await page.SetViewportSizeAsync(390, 844);
        await PortalBrowser.ScreenshotAsync(page, "balance-result-phone");

        await plan.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/plan$"));
    }

    /// <summary>Rates the vignette by clicking, opening the folded regions it needs first.</summary>
    private static async Task RateUpperCrossedAsync(IPage page)
    {
        foreach (var region in new[] { "chest", "upper-back" })
        {
            var panel = page.Locator($"#region-{region}");
            if (!(await panel.GetAttributeAsync("class") ?? "").Contains("is-open"))
            {
                await panel.Locator(".region-toggle").ClickAsync();
            }
        }
        foreach (var (muscle, tone, intensity) in UpperCrossed)
        {
            await page.Locator($"label[for=tone-{muscle}-{tone}]").ClickAsync();
            await page.Locator($"label[for=intensity-{muscle}-{intensity}]").ClickAsync();
        }
    }

    [Fact]
    public async Task Notes_typed_faster_than_the_server_answers_keep_every_key_and_are_saved_whole()
    {
        const string notes = "Schouder rechts staat hoger; bij het heffen van de arm komt de bovenste trapezius vroeg op gang.";
        var assessmentId = await TestAssessments.DraftAsync(browser.Portal, Baseline.NoordPatientId, "neck");
        var page = await browser.NewPageAsync(1280, 900);
        await SlowLiveConnection.DelayServerMessagesAsync(page, TimeSpan.FromMilliseconds(150));
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);
        await PortalBrowser.GotoWorkspaceAsync(page, FormPath(assessmentId));

        var field = page.Locator("#balance-notes");
        await field.PressSequentiallyAsync(notes, new() { Delay = 20 });

        await Assertions.Expect(page.Locator("#save-status")).ToContainTextAsync("opgeslagen om");
        await Assertions.Expect(field).ToHaveValueAsync(notes);
        await page.ReloadAsync();
        await PortalBrowser.WaitForCircuitAsync(page);
        await Assertions.Expect(field).ToHaveValueAsync(notes);
    }

    [Fact]
    public async Task Notes_the_tab_still_keeps_are_gone_from_it_once_the_therapist_signs_out()
    {
        var assessmentId = await TestAssessments.DraftAsync(browser.Portal, Baseline.NoordPatientId, "neck");
        var page = await browser.NewPageAsync(1280, 900);
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);
        await PortalBrowser.GotoWorkspaceAsync(page, FormPath(assessmentId));
        // As if the last words were typed and the page had not yet heard they were saved.
        await page.Locator("#balance-notes").FillAsync("Nek links stijf.");
        await page.EvaluateAsync($"sessionStorage.setItem('unsent-text:balance-notes:{assessmentId}', 'Nek links stijf. Nog niet opgeslagen')");

        await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/account/inloggen"));

        Assert.Equal(0, await page.EvaluateAsync<int>("Object.keys(sessionStorage).filter(k => k.startsWith('unsent-text:')).length"));
    }

    private static string FormPath(Guid assessmentId) => $"/patienten/{Baseline.NoordPatientId}/onderzoek/{assessmentId}/spierbalans";

    private static async Task Keys(IPage page, params string[] keys)
    {
        foreach (var key in keys)
        {
            await page.Keyboard.PressAsync(key);
        }
    }

    private static async Task ExpectFocus(IPage page, string id) =>
        Assert.Equal(id, await page.EvaluateAsync<string>("document.activeElement.id"));
}
