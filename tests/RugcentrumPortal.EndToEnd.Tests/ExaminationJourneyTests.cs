using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RugcentrumPortal.Clinical.Muscles;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.EndToEnd.Tests;

public class ExaminationJourneyTests(PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    [Fact]
    public async Task Therapist_records_the_examination_from_the_overview_and_compares_the_reassessment_with_the_previous_one()
    {
        var now = browser.Portal.PracticeClock().Now;
        await SeedAsync(now.AddDays(-42), AssessmentStatus.Completed, ("upper-trapezius", MuscleTone.Overactive, 3, Side.Left), ("deep-neck-flexors", MuscleTone.Underactive, 1, Side.Both));
        var id = await SeedAsync(now, AssessmentStatus.Draft, ("upper-trapezius", MuscleTone.Overactive, 1, Side.Left), ("deep-neck-flexors", MuscleTone.Underactive, 2, Side.Both));
        var overview = $"patienten/{Baseline.NoordPatientId}/onderzoek/{id}";
        var page = await browser.NewPageAsync(1280, 900);
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);
        await PortalBrowser.GotoWorkspaceAsync(page, overview);

        await page.Locator("#exam-link").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Lichamelijk onderzoek");
        await PortalBrowser.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("#neuro-indicated")).ToContainTextAsync("Klachten in de onderrug én in het been");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);

        await page.Locator("label[for=neuro-left-straightlegraise-abnormal]").ClickAsync();
        await page.Locator("label[for=neuro-left-reflexes-reduced]").ClickAsync();
        await page.Locator("#neuro-save").ClickAsync();
        await Assertions.Expect(page.Locator("#neuro-status")).ToHaveTextAsync("Opgeslagen.");

        await page.Locator("label[for=m-prone-hip-extension-left-deviating]").ClickAsync();
        await page.GetByLabel("Rugstrekkers zetten als eerste aan").CheckAsync();
        await page.Locator("label[for=m-prone-hip-extension-right-normal]").ClickAsync();
        await page.Locator("#movement-save").ClickAsync();
        await Assertions.Expect(page.Locator("#movement-status")).ToHaveTextAsync("Opgeslagen.");

        await page.Locator("label[for=breathing-pattern-chest]").ClickAsync();
        await page.Locator("#breathing-rate").FillAsync("22");
        for (var item = 1; item <= 16; item++)
        {
            await page.Locator($"label[for=nijmegen-{item}-1]").ClickAsync();
        }
        await Assertions.Expect(page.Locator("#nijmegen-score")).ToContainTextAsync("16 / 64");
        await page.Locator("#breathing-save").ClickAsync();
        await Assertions.Expect(page.Locator("#breathing-status")).ToHaveTextAsync("Opgeslagen.");
        await Assertions.Expect(page.Locator(".summary-neuro")).ToContainTextAsync("Links: reflexen verlaagd");
        await Assertions.Expect(page.Locator(".summary-movement")).ToContainTextAsync("Heupstrekken in buikligging (links)");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
        await PortalBrowser.ScreenshotAsync(page, "examination");
        await page.SetViewportSizeAsync(1024, 768);
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
        await PortalBrowser.ScreenshotAsync(page, "examination-tablet");
        await page.SetViewportSizeAsync(390, 844);
        await PortalBrowser.ScreenshotAsync(page, "examination-phone");

        await page.SetViewportSizeAsync(1280, 900);
        await PortalBrowser.GotoWorkspaceAsync(page, overview);
        await Assertions.Expect(page.Locator("#exam-summary .summary-breathing")).ToContainTextAsync("Hoge borstademhaling");
        await page.Locator("#compare-link").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Vergelijking met het vorige onderzoek");
        await Assertions.Expect(page.Locator("tr[data-muscle=upper-trapezius][data-side=Left]")).ToContainTextAsync("Beter");
        await Assertions.Expect(page.Locator("tr[data-muscle=deep-neck-flexors]")).ToContainTextAsync("Slechter");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
        await PortalBrowser.ScreenshotAsync(page, "comparison");
        await page.SetViewportSizeAsync(1024, 768);
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
        await PortalBrowser.ScreenshotAsync(page, "comparison-tablet");
        await page.SetViewportSizeAsync(390, 844);
        await PortalBrowser.ScreenshotAsync(page, "comparison-phone");
    }

    private async Task<Guid> SeedAsync(DateTimeOffset at, AssessmentStatus status, params (string Muscle, MuscleTone Tone, int Intensity, Side Side)[] ratings)
    {
        await using var scope = browser.Portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        var therapistId = (await db.Users.SingleAsync(u => u.Email == Baseline.NoordTherapist)).Id;
        var assessment = new ClinicalAssessment
        {
            PatientId = Baseline.NoordPatientId,
            TherapistId = therapistId,
            Kind = AssessmentKind.Reassessment,
            Status = status,
            CreatedAt = at,
            UpdatedAt = at,
            CompletedAt = status == AssessmentStatus.Completed ? at : null,
            ComplaintRegions = ["low-back", "thigh:left"],
            Ratings = [.. ratings.Select(r => new MuscleRatingEntry { MuscleId = r.Muscle, Tone = r.Tone, Intensity = r.Intensity, Side = r.Side })],
        };
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        return assessment.Id;
    }
}
