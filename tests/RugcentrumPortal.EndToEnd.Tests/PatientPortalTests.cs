using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.EndToEnd.Tests;

public class PatientPortalTests(PortalBrowser browser) : IClassFixture<PortalBrowser>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var scope = browser.Portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        if (await db.Plans.AnyAsync(p => p.PatientId == Baseline.NoordPatientId))
        {
            return;
        }
        var clock = browser.Portal.PracticeClock();
        var (now, today) = (clock.Now, clock.Today);
        var plan = await TestPlans.AddAsync(browser.Portal, Baseline.NoordPatientId, PlanStatus.Active, now.AddDays(-21),
            TestPlans.Exercise("chin-tuck", perDay: 2, sets: 2, reps: 10, hold: 5),
            new PlanExercise { ExerciseId = "bridge", Dosage = new() { Sets = 2, Repetitions = 10, TimesPerDay = 1 }, Instructions = "Rustig omhoog, twee tellen boven blijven." },
            TestPlans.Exercise("breathing-4-6", perDay: 3, minutes: 2));
        var random = new Random(7);
        for (var daysAgo = 20; daysAgo >= 1; daysAgo--)
        {
            foreach (var exercise in plan.Exercises.Where(_ => random.Next(4) > 0))
            {
                db.SessionLogs.Add(new SessionLog
                {
                    PatientId = Baseline.NoordPatientId, PlanId = plan.Id, PlanExerciseId = exercise.Id, ExerciseId = exercise.ExerciseId,
                    Day = today.AddDays(-daysAgo), Outcome = random.Next(5) == 0 ? SessionOutcome.Partly : SessionOutcome.Done,
                    Pain = 6 - daysAgo / 5 + random.Next(2), Tension = 5 - daysAgo / 7 + random.Next(3), SubmissionId = Guid.NewGuid(),
                    CreatedAt = now.AddDays(-daysAgo),
                });
            }
        }
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_hold_timer_counts_two_series_of_ten_as_the_plan_prescribes()
    {
        var page = await browser.NewPageAsync(390, 844);
        await PortalBrowser.LogInAsync(page, Baseline.NoordPatient);
        await page.GetByRole(AriaRole.Link, new() { Name = "Kin intrekken", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".timer-description")).ToContainTextAsync("2 series");

        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();

        await Assertions.Expect(page.Locator(".timer-round")).ToHaveTextAsync("Serie 1 van 2 · keer 1 van 10");
        await PortalBrowser.ScreenshotAsync(page, "portal-hold-timer-series-phone");
    }

    [Fact]
    public async Task Patient_marks_an_exercise_done_follows_the_breathing_timer_and_logs_pain_on_a_phone()
    {
        var page = await browser.NewPageAsync(390, 844);
        await PortalBrowser.LogInAsync(page, Baseline.NoordPatient);
        Assert.EndsWith("/mijn", page.Url);
        await PortalBrowser.ScreenshotAsync(page, "portal-today-phone");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Gedaan: Brug" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Goed gedaan!" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".today-card", new() { HasText = "Brug" })).ToContainTextAsync("Gedaan om");
        await PortalBrowser.ScreenshotAsync(page, "portal-today-done-phone");

        await page.GetByRole(AriaRole.Link, new() { Name = "Ademhaling 4-6", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ademhaling 4-6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Assertions.Expect(page.Locator(".timer-phase")).ToHaveTextAsync("Adem in");
        var first = await page.Locator(".timer-count").TextContentAsync();
        await Assertions.Expect(page.Locator(".timer-count")).Not.ToHaveTextAsync(first!, new() { Timeout = 3000 });
        await Assertions.Expect(page.Locator("[data-announce]")).ToContainTextAsync("Adem in");
        await PortalBrowser.ScreenshotAsync(page, "portal-exercise-timer-phone");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Pauze" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Verder" })).ToBeVisibleAsync();

        await page.Locator("label[for=pain-3]").ClickAsync();
        await page.GetByLabel("Wilt u iets kwijt?").FillAsync("Rustig geworden.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Goed gedaan!" })).ToBeVisibleAsync();

        await using var scope = browser.Portal.Services.CreateAsyncScope();
        var log = await scope.ServiceProvider.ArrangeDb().SessionLogs.SingleAsync(l => l.Note == "Rustig geworden.");
        Assert.Equal((3, "breathing-4-6", SessionOutcome.Done), (log.Pain, log.ExerciseId, log.Outcome));
    }

    [Theory]
    [InlineData("/mijn/voortgang", "portal-progress-phone")]
    [InlineData("/mijn/weekcheck", "portal-check-in-phone")]
    public async Task Progress_and_check_in_pages_work_on_a_phone_without_serious_accessibility_violations(string path, string name)
    {
        var page = await browser.NewPageAsync(390, 844);
        await PortalBrowser.LogInAsync(page, Baseline.NoordPatient);

        await page.GotoAsync(path);

        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1"));
        await PortalBrowser.ScreenshotAsync(page, name);
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
    }

    [Fact]
    public async Task Weekly_check_in_is_saved_and_shown_on_the_progress_page()
    {
        var page = await browser.NewPageAsync(390, 844);
        await PortalBrowser.LogInAsync(page, Baseline.NoordPatient);
        await page.GotoAsync("/mijn/weekcheck");

        await page.GetByLabel("Minder spanning in mijn schouders").CheckAsync();
        await page.Locator("label[for=nprs-4]").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Weekcheck opslaan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Dank u wel!");
        await page.GetByRole(AriaRole.Link, new() { Name = "Bekijk uw voortgang" }).ClickAsync();

        await Assertions.Expect(page.Locator(".signal-list")).ToContainTextAsync("Minder spanning in mijn schouders");
        await PortalBrowser.ScreenshotAsync(page, "portal-progress-after-check-in");
    }

    [Fact]
    public async Task Exercise_page_fits_a_640px_window_as_at_200_percent_zoom()
    {
        var page = await browser.NewPageAsync(640, 900);
        await PortalBrowser.LogInAsync(page, Baseline.NoordPatient);
        await page.GetByRole(AriaRole.Link, new() { Name = "Kin intrekken", Exact = true }).ClickAsync();

        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1"));
        await PortalBrowser.ScreenshotAsync(page, "portal-exercise-hold-640");
    }
}
