using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.EndToEnd.Tests;

/// <summary>A therapist adds the practice's own photo and video to an exercise; the patient sees them on a phone.</summary>
public class MediaJourneyTests(PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    [Fact]
    public async Task A_video_and_a_photo_added_from_the_plan_library_play_on_the_patients_phone_and_a_renamed_program_is_refused()
    {
        var plan = await ActivePlanAsync();
        var folder = Directory.CreateTempSubdirectory("rc-e2e-media-").FullName;
        var video = await FfmpegAsync(folder, "kin-intrekken.mp4", "-f", "lavfi", "-i", "testsrc=duration=4:size=640x360:rate=25", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
        var photo = await FfmpegAsync(folder, "eindhouding.png", "-f", "lavfi", "-i", "testsrc=size=800x600", "-frames:v", "1");
        var program = Path.Combine(folder, "oefening.jpg");
        await File.WriteAllBytesAsync(program, [.. "MZ"u8, 0x90, 0, 3, 0, 0, 0, .. new byte[300]]);

        var therapist = await browser.NewPageAsync();
        await PortalBrowser.LogInAsync(therapist, Baseline.NoordTherapist);
        var draft = await TestPlans.DraftAsync(browser.Portal, Baseline.NoordOtherPatientId, "pelvic-tilt");
        await PortalBrowser.GotoWorkspaceAsync(therapist, $"/patienten/{Baseline.NoordOtherPatientId}/plan/{draft.Id}");
        await therapist.Locator("#library-text").FillAsync("kin");
        var link = therapist.Locator(".library-item").Filter(new() { HasText = "Kin intrekken" }).GetByRole(AriaRole.Link);
        await Assertions.Expect(link).ToHaveAccessibleNameAsync("Foto's en video's: Kin intrekken");
        await link.ClickAsync();
        await PortalBrowser.WaitForCircuitAsync(therapist);
        await Assertions.Expect(therapist.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Foto's en video's: Kin intrekken");

        await therapist.Locator("#media-file").SetInputFilesAsync(program);
        await Assertions.Expect(therapist.Locator(".media-chosen")).ToContainTextAsync("oefening.jpg");
        await therapist.GetByLabel("Wat is er te zien? (verplicht)").FillAsync("Een programma");
        await therapist.GetByRole(AriaRole.Button, new() { Name = "Toevoegen" }).ClickAsync();
        await Assertions.Expect(therapist.GetByRole(AriaRole.Alert)).ToContainTextAsync("Dit is geen foto of video die het portaal kan tonen");

        await AddAsync(therapist, video, "Kin intrekken, van opzij gezien");
        await AddAsync(therapist, photo, "Eindhouding: kin recht naar achteren");
        await Assertions.Expect(therapist.Locator(".media-card")).ToHaveCountAsync(2);
        await Assertions.Expect(therapist.Locator(".media-card").First).ToContainTextAsync("Video, 0:04");
        foreach (var (width, name) in new[] { (1280, "media-page-wide"), (1024, "media-page-tablet"), (390, "media-page-phone") })
        {
            await therapist.SetViewportSizeAsync(width, 900);
            await PortalBrowser.ScreenshotAsync(therapist, name);
        }
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(therapist);

        var phone = await browser.NewPageAsync(390, 844);
        await PortalBrowser.LogInAsync(phone, Baseline.NoordPatient);
        await phone.GotoAsync($"/mijn/oefening/{plan.Exercises[0].Id}");
        var player = phone.Locator(".exercise-media video");
        await Assertions.Expect(player).ToHaveAttributeAsync("preload", "metadata");
        // The browser read the video's length from its first bytes, before anyone pressed play.
        await phone.WaitForFunctionAsync("() => document.querySelector('.exercise-media video').readyState >= 1");
        Assert.InRange(await player.EvaluateAsync<double>("v => v.duration"), 3.5, 4.5);
        Assert.True(await phone.Locator(".exercise-media img").EvaluateAsync<bool>("i => i.complete && i.naturalWidth === 800"));
        await phone.Locator(".exercise-media").ScrollIntoViewIfNeededAsync();
        await PortalBrowser.ScreenshotAsync(phone, "media-exercise-phone");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(phone);

        await therapist.SetViewportSizeAsync(1280, 900);
        await therapist.Locator(".media-card").Filter(new() { HasText = "Eindhouding" }).GetByRole(AriaRole.Button, new() { Name = "Verwijderen" }).ClickAsync();
        await therapist.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Verwijderen" }).ClickAsync();
        await Assertions.Expect(therapist.Locator(".media-card")).ToHaveCountAsync(1);
        await phone.ReloadAsync();
        await Assertions.Expect(phone.Locator(".exercise-media img")).ToHaveCountAsync(0);
        Assert.Empty(browser.PolicyViolations);
    }

    private static async Task AddAsync(IPage page, string file, string description)
    {
        await page.Locator("#media-file").SetInputFilesAsync(file);
        await Assertions.Expect(page.Locator(".media-chosen")).ToContainTextAsync(Path.GetFileName(file));
        await page.GetByLabel("Wat is er te zien? (verplicht)").FillAsync(description);
        await page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"{description} is toegevoegd." })).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    private async Task<RecoveryPlan> ActivePlanAsync()
    {
        await using var scope = browser.Portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        return await db.Plans.Include(p => p.Exercises).FirstOrDefaultAsync(p => p.PatientId == Baseline.NoordPatientId && p.Status == PlanStatus.Active)
            ?? await TestPlans.ActiveAsync(browser.Portal, Baseline.NoordPatientId, "chin-tuck");
    }

    private static async Task<string> FfmpegAsync(string folder, string name, params string[] arguments)
    {
        var path = Path.Combine(folder, name);
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var argument in (string[])["-v", "error", "-nostdin", "-y", .. arguments, path])
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, errors);
        return path;
    }
}
