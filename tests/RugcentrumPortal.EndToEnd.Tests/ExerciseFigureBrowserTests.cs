using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.EndToEnd.Tests;

/// <summary>The exercise figures in a real browser: moving by default, still for reduced motion, and on paper.</summary>
public class ExerciseFigureBrowserTests(PortalBrowser browser) : IClassFixture<PortalBrowser>, IAsyncLifetime
{
    private static readonly string[] PlanExercises = ["bridge", "bird-dog", "chin-tuck", "wall-slide"];

    public async Task InitializeAsync()
    {
        await using var scope = browser.Portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        if (!await db.Plans.AnyAsync(p => p.PatientId == Baseline.NoordPatientId))
        {
            await TestPlans.ActiveAsync(browser.Portal, Baseline.NoordPatientId, PlanExercises);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<IPage> BridgePageAsync(int width, int height = 900)
    {
        var page = await browser.NewPageAsync(width, height);
        await PortalBrowser.LogInAsync(page, Baseline.NoordPatient);
        await page.GetByRole(AriaRole.Link, new() { Name = "Brug", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Brug");
        return page;
    }

    [Fact]
    public async Task The_exercise_page_shows_the_bridge_moving_with_its_name_and_passes_axe_at_every_width()
    {
        foreach (var (width, name) in new[] { (390, "phone"), (1024, "tablet"), (1280, "desktop") })
        {
            var page = await BridgePageAsync(width);

            var moving = page.GetByRole(AriaRole.Img, new() { Name = "Brug: van beginhouding naar eindhouding" });
            await Assertions.Expect(moving).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Brug: beginhouding" })).ToBeHiddenAsync();
            var box = await moving.BoundingBoxAsync();
            Assert.True(box!.Width >= Math.Min(300, width - 40), $"the figure is only {box.Width} px wide at {width}");
            await PortalBrowser.ScreenshotAsync(page, $"figure-exercise-page-{name}");
            await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
            await page.Context.CloseAsync();
        }

        Assert.Empty(browser.PolicyViolations);
    }

    [Fact]
    public async Task With_reduced_motion_the_start_and_end_positions_stand_still_side_by_side()
    {
        var page = await BridgePageAsync(390, 844);

        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });

        var start = page.GetByRole(AriaRole.Img, new() { Name = "Brug: beginhouding" });
        var end = page.GetByRole(AriaRole.Img, new() { Name = "Brug: eindhouding" });
        await Assertions.Expect(start).ToBeVisibleAsync();
        await Assertions.Expect(end).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Brug: van beginhouding naar eindhouding" })).ToBeHiddenAsync();
        var (left, right) = (await start.BoundingBoxAsync(), await end.BoundingBoxAsync());
        Assert.True(left!.X + left.Width <= right!.X, "start and end should stand next to each other, start first");
        Assert.Equal(left.Y, right.Y, 1);
        await PortalBrowser.ScreenshotAsync(page, "figure-exercise-page-reduced-motion-phone");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
    }

    [Fact]
    public async Task The_plan_builder_library_and_rows_show_small_figures()
    {
        var patientId = await TestPatients.NewAsync(browser.Portal, Baseline.NoordId, "Fien", "Figuur", new(1961, 2, 3));
        var planId = (await TestPlans.DraftAsync(browser.Portal, patientId, "dead-bug", "side-plank")).Id;
        var page = await browser.NewPageAsync(1280, 900);
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);

        await PortalBrowser.GotoWorkspaceAsync(page, $"/patienten/{patientId}/plan/{planId}");
        await page.Locator("#library-show-all").ClickAsync();

        await Assertions.Expect(page.Locator(".plan-row").First.GetByRole(AriaRole.Img, new() { Name = "Dode kever: van beginhouding naar eindhouding" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".library-item").GetByRole(AriaRole.Img, new() { Name = "Vogel-hond: beginhouding" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".library-item").GetByRole(AriaRole.Img, new() { Name = "Vogel-hond: eindhouding" })).ToBeVisibleAsync();
        await PortalBrowser.ScreenshotAsync(page, "figure-plan-builder-desktop");
    }

    [Fact]
    public async Task The_pdf_plan_carries_the_still_figures()
    {
        var page = await browser.NewPageAsync(1280, 900);
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);

        var response = await page.APIRequest.GetAsync($"/patienten/{Baseline.NoordPatientId}/plan/pdf");

        Assert.Equal(200, response.Status);
        var pdf = await response.BodyAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        Directory.CreateDirectory(PortalBrowser.ScreenshotDirectory);
        await File.WriteAllBytesAsync(Path.Combine(PortalBrowser.ScreenshotDirectory, "figure-plan.pdf"), pdf);
    }
}
