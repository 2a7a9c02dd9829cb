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

    [Fact]
    public async Task Therapist_builds_a_plan_from_the_suggestion_adds_from_the_library_confirms_a_precaution_and_activates()
    {
        await SeedAssessmentAsync(Baseline.NoordOtherPatientId);
        var page = await browser.NewPageAsync();
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);
        await page.GotoAsync($"/patienten/{Baseline.NoordOtherPatientId}/plan");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Suggestie overnemen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Concept versie 1");
        await Assertions.Expect(page.Locator(".suggestion-reason").First).ToBeVisibleAsync();

        await page.GetByLabel("Soort oefening").SelectOptionAsync("StabilityControl");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await page.Locator("button[value='add:bird-dog']").ClickAsync();
        await Assertions.Expect(page.Locator(".plan-row h3", new() { HasText = "Vogel-hond" })).ToHaveCountAsync(1);

        var confirmations = page.Locator(".precaution-block input[type=checkbox]");
        Assert.True(await confirmations.CountAsync() > 0);
        for (var i = 0; i < await confirmations.CountAsync(); i++)
        {
            await confirmations.Nth(i).CheckAsync();
        }
        await PortalBrowser.ScreenshotAsync(page, "plan-editor");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Plan activeren" }).ClickAsync();

        await Assertions.Expect(page.Locator(".badge", new() { HasText = "Versie 1 actief" })).ToBeVisibleAsync();
        await PortalBrowser.ScreenshotAsync(page, "plan-page");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
    }
}
