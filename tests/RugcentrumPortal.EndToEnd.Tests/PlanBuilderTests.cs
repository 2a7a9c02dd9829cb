using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Muscles;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.EndToEnd.Tests;

public class PlanBuilderTests(PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    private static readonly (string Muscle, MuscleTone Tone)[] UpperCrossed =
    [
        ("upper-trapezius", MuscleTone.Overactive), ("levator-scapulae", MuscleTone.Overactive),
        ("pectoralis-major", MuscleTone.Overactive), ("pectoralis-minor", MuscleTone.Overactive),
        ("deep-neck-flexors", MuscleTone.Underactive), ("middle-trapezius", MuscleTone.Underactive),
        ("lower-trapezius", MuscleTone.Underactive), ("serratus-anterior", MuscleTone.Underactive),
    ];

    private async Task SeedAssessmentAsync(Guid patientId)
    {
        await using var scope = browser.Portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        var therapistId = db.Users.Single(u => u.Email == Baseline.NoordSecondTherapist).Id;
        var now = browser.Portal.PracticeClock().Now;
        db.Assessments.Add(new ClinicalAssessment
        {
            PatientId = patientId,
            TherapistId = therapistId,
            Status = AssessmentStatus.Completed,
            CreatedAt = now,
            UpdatedAt = now,
            ComplaintRegions = ["neck"],
            RedFlagsAbsent = ClinicalCatalog.Default.RedFlags.Where(f => f.IsAsked).Select(f => f.Id).ToList(),
            PrecautionConditions = ["recent-surgery"],
            Conclusion = ScreeningConclusion.Pluis,
            ScreenedAt = now,
            Ratings = UpperCrossed.Select(r => new MuscleRatingEntry { MuscleId = r.Muscle, Tone = r.Tone, Intensity = 2 }).ToList(),
        });
        await db.SaveChangesAsync();
    }

    /// <summary>How many of the builder's commands have come back; the next step waits for one more.</summary>
    private static async Task<int> DoneAsync(IPage page) => int.Parse(await page.Locator("#save-status").GetAttributeAsync("data-done") ?? "0");

    private static async Task WaitForCommandAsync(IPage page, int before) =>
        await Assertions.Expect(page.Locator($"#save-status[data-done='{before + 1}']")).ToBeAttachedAsync();

    /// <summary>What the screen shows without scrolling, next to the whole page, to judge the first view.</summary>
    private static Task ViewportShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalBrowser.ScreenshotDirectory, name + ".png") });

    private static async Task<List<string>> StoredOrderAsync(PortalBrowser browser, Guid planId)
    {
        await using var scope = browser.Portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        return db.Plans.Where(p => p.Id == planId).SelectMany(p => p.Exercises).OrderBy(e => e.Order).Select(e => e.ExerciseId).ToList();
    }

    [Fact]
    public async Task Therapist_builds_a_plan_from_the_suggestion_adds_from_the_library_confirms_a_precaution_and_activates()
    {
        await SeedAssessmentAsync(Baseline.NoordOtherPatientId);
        var page = await browser.NewPageAsync();
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);
        await PortalBrowser.GotoWorkspaceAsync(page, $"/patienten/{Baseline.NoordOtherPatientId}/plan");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Suggestie overnemen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Concept versie 1");
        await Assertions.Expect(page.Locator(".suggestion-reason").First).ToBeVisibleAsync();

        // A title typed, then a search in the library beside it: the title stays, and it was saved on the way.
        var done = await DoneAsync(page);
        await page.Locator("#plan-title").FillAsync("Nek ontlasten");
        await page.Locator("#plan-title").PressAsync("Tab");
        await WaitForCommandAsync(page, done);
        await page.Locator("#library-kind").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("Stabiliteit en controle").ClickAsync();
        await Assertions.Expect(page.Locator("#library-kind")).ToHaveValueAsync("Stabiliteit en controle");
        await page.Locator("#library-text").FillAsync("vogel");
        await Assertions.Expect(page.Locator(".library-item")).ToHaveCountAsync(1);
        done = await DoneAsync(page);
        await page.Locator("#add-bird-dog").ClickAsync();
        await WaitForCommandAsync(page, done);
        await Assertions.Expect(page.Locator(".plan-row h3", new() { HasText = "Vogel-hond" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#plan-title")).ToHaveValueAsync("Nek ontlasten");

        var confirmations = page.Locator(".precaution-block input[type=checkbox]");
        Assert.True(await confirmations.CountAsync() > 0);
        for (var i = 0; i < await confirmations.CountAsync(); i++)
        {
            done = await DoneAsync(page);
            await confirmations.Nth(i).CheckAsync();
            await WaitForCommandAsync(page, done);
        }
        await Assertions.Expect(page.Locator("#save-status")).ToContainTextAsync("Opgeslagen");
        await PortalBrowser.ScreenshotAsync(page, "plan-builder-1280");
        await page.Locator("#exercises-heading").ScrollIntoViewIfNeededAsync();
        await ViewportShotAsync(page, "plan-builder-1280-view");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Plan activeren" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Versie 1 actief")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Nek ontlasten").First).ToBeVisibleAsync();
        await PortalBrowser.ScreenshotAsync(page, "plan-page");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
    }

    [Fact]
    public async Task On_a_tablet_rows_are_moved_with_the_keyboard_and_saved_at_once()
    {
        var patientId = await TestPatients.NewAsync(browser.Portal, Baseline.NoordId, "Dirk", "Sleep", new(1966, 4, 4));
        var planId = (await TestPlans.DraftAsync(browser.Portal, patientId, "pelvic-tilt", "cat-camel", "chin-tuck")).Id;
        var page = await browser.NewPageAsync(1024, 768);
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);
        await PortalBrowser.GotoWorkspaceAsync(page, $"/patienten/{patientId}/plan/{planId}");
        await Assertions.Expect(page.Locator("#exercise-rows .row-title")).ToHaveCountAsync(3);
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
        await PortalBrowser.ScreenshotAsync(page, "plan-builder-1024");
        await page.Locator("#exercises-heading").ScrollIntoViewIfNeededAsync();
        await ViewportShotAsync(page, "plan-builder-1024-view");

        var done = await DoneAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kin intrekken omhoog" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await WaitForCommandAsync(page, done);
        // The moved card's button keeps the focus, so Enter again moves it on.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Kin intrekken omhoog" })).ToBeFocusedAsync();
        done = await DoneAsync(page);
        await page.Keyboard.PressAsync("Enter");
        await WaitForCommandAsync(page, done);
        Assert.Equal(["chin-tuck", "pelvic-tilt", "cat-camel"], await StoredOrderAsync(browser, planId));
        await Assertions.Expect(page.Locator("#exercise-rows .row-title").First).ToHaveTextAsync("1. Kin intrekken");

        // At the top "up" is disabled; the focus goes to "down" of the same card.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Kin intrekken omlaag" })).ToBeFocusedAsync();
        done = await DoneAsync(page);
        await page.Keyboard.PressAsync("Enter");
        await WaitForCommandAsync(page, done);
        Assert.Equal(["pelvic-tilt", "chin-tuck", "cat-camel"], await StoredOrderAsync(browser, planId));
        await Assertions.Expect(page.Locator("#exercise-rows .row-title")).ToHaveTextAsync(["1. Bekken kantelen", "2. Kin intrekken", "3. Bolle-holle rug"]);

        var phone = await browser.NewPageAsync(390, 844);
        await PortalBrowser.LogInAsync(phone, Baseline.NoordTherapist);
        await PortalBrowser.GotoWorkspaceAsync(phone, $"/patienten/{patientId}/plan/{planId}");
        await Assertions.Expect(phone.Locator("#exercise-rows .row-title")).ToHaveCountAsync(3);
        await PortalBrowser.ScreenshotAsync(phone, "plan-builder-390");
        await phone.Locator("#exercises-heading").ScrollIntoViewIfNeededAsync();
        await ViewportShotAsync(phone, "plan-builder-390-view");
    }

    [Fact]
    public async Task Templates_are_listed_edited_and_deleted_after_a_confirmation_at_every_width()
    {
        var patientId = await TestPatients.NewAsync(browser.Portal, Baseline.NoordId, "Tineke", "Sjabloon", new(1959, 9, 9));
        var planId = (await TestPlans.DraftAsync(browser.Portal, patientId, "pelvic-tilt", "chin-tuck")).Id;
        Guid templateId;
        await using (var scope = browser.Portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.ArrangeDb();
            var draft = db.Plans.Include(p => p.Exercises).Include(p => p.Phases).Single(p => p.Id == planId);
            var template = Web.Features.Plans.PlanDrafts.TemplateFrom(draft, "Nek rustig opbouwen", draft.CreatedById, DateTimeOffset.UtcNow);
            db.Plans.Add(template);
            await db.SaveChangesAsync();
            templateId = template.Id;
        }

        foreach (var (width, height) in new[] { (1280, 900), (1024, 768), (390, 844) })
        {
            var page = await browser.NewPageAsync(width, height);
            await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);
            await PortalBrowser.GotoWorkspaceAsync(page, "/plannen/sjablonen");
            await PortalBrowser.ScreenshotAsync(page, $"plan-templates-{width}");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Nek rustig opbouwen", Exact = true })).ToBeVisibleAsync();
            await PortalBrowser.GotoWorkspaceAsync(page, $"/plannen/sjablonen/{templateId}/bewerken");
            await Assertions.Expect(page.Locator("#template-name")).ToHaveValueAsync("Nek rustig opbouwen");
            await PortalBrowser.ScreenshotAsync(page, $"plan-template-editor-{width}");
            if (width != 390)
            {
                await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
                await PortalBrowser.GotoWorkspaceAsync(page, "/plannen/sjablonen");
                await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
            }
        }

        var editor = await browser.NewPageAsync(1280, 900);
        await PortalBrowser.LogInAsync(editor, Baseline.NoordTherapist);
        await PortalBrowser.GotoWorkspaceAsync(editor, $"/plannen/sjablonen/{templateId}/bewerken");
        var done = await DoneAsync(editor);
        await editor.Locator("#row-1-Sets").FillAsync("3");
        await editor.Locator("#row-1-Sets").PressAsync("Tab");
        await WaitForCommandAsync(editor, done);
        await Assertions.Expect(editor.Locator("#save-status")).ToContainTextAsync("Opgeslagen");

        await PortalBrowser.GotoWorkspaceAsync(editor, $"/plannen/sjablonen/{templateId}");
        await Assertions.Expect(editor.GetByText("3 x 10 herhalingen")).ToBeVisibleAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Sjabloon verwijderen" }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Nek rustig opbouwen");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(editor);
        await PortalBrowser.ScreenshotAsync(editor, "plan-template-delete-dialog");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Ja, verwijderen" }).ClickAsync();
        await Assertions.Expect(editor.GetByText("Het sjabloon is verwijderd.")).ToBeVisibleAsync();
    }
}
