using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.EndToEnd.Tests;

/// <summary>A therapist opens a record; the administrator finds it in the access log and the patient in their own list.</summary>
public class AccessLogJourneyTests(PortalBrowser browser) : IClassFixture<PortalBrowser>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        var before = await CountAsync("PatientDetail");
        var therapist = await browser.NewPageAsync();
        await PortalBrowser.LogInAsync(therapist, Baseline.NoordTherapist);
        await PortalBrowser.GotoWorkspaceAsync(therapist, $"/patienten/{Baseline.NoordPatientId}");
        await PortalBrowser.GotoWorkspaceAsync(therapist, $"/patienten/{Baseline.NoordPatientId}");
        // A live page writes its line on the server a moment later: the tests count from after both are stored.
        await WaitForCountAsync("PatientDetail", before + 2);
        await therapist.Context.CloseAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(1280, 900, "desktop")]
    [InlineData(1024, 768, "tablet")]
    [InlineData(390, 844, "phone")]
    public async Task The_administrator_finds_who_opened_a_record_and_sees_the_chain_is_intact(int width, int height, string size)
    {
        var page = await browser.NewPageAsync(width, height);
        await PortalBrowser.LogInAsync(page, Baseline.NoordAdmin);

        await page.GetByRole(AriaRole.Link, new() { Name = "Inzagelog" }).ClickAsync();
        await PortalBrowser.WaitForCircuitAsync(page);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Inzagelog");
        await Assertions.Expect(page.GetByText("Het log is onbeschadigd")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".access-log-table tbody tr").First).ToContainTextAsync("Tom Therapeut");
        await PortalBrowser.ScreenshotAsync(page, $"access-log-admin-{size}");
        if (size == "phone")
        {
            Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1"));
            return;
        }
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);

        await page.GetByLabel("Patiënt").First.FillAsync("Voorbeeld");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();

        await Assertions.Expect(page.GetByText("0 regels gevonden")).ToBeVisibleAsync();
        // The address is read as the browser reports it, which can come after the results are drawn.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("patient=Voorbeeld"));
    }

    [Fact]
    public async Task The_patient_reads_who_looked_at_their_record_from_their_progress_page_one_line_per_sitting()
    {
        var page = await browser.NewPageAsync(390, 844);
        await PortalBrowser.LogInAsync(page, Baseline.NoordPatient);
        await page.GotoAsync("/mijn/voortgang");

        await page.GetByRole(AriaRole.Link, new() { Name = "Wie keek in mijn dossier?" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Wie keek in uw dossier");
        // The therapist opened the record at least twice in a row: one line, with how often.
        var first = page.Locator(".access-history li").First;
        await Assertions.Expect(first).ToContainTextAsync("Tom Therapeut (therapeut) bekeek uw gegevens.");
        await Assertions.Expect(first).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\(\d+ keer\)"));
        await PortalBrowser.ScreenshotAsync(page, "access-log-patient-phone");
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1"));
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
    }

    [Fact]
    public async Task A_page_load_is_one_line_whether_prerendered_then_live_or_reached_inside_the_live_page()
    {
        var detailBefore = await CountAsync("PatientDetail");
        var planBefore = await CountAsync("PlanPage");
        var page = await browser.NewPageAsync();
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);

        await PortalBrowser.GotoWorkspaceAsync(page, $"/patienten/{Baseline.NoordPatientId}");
        await page.EvaluateAsync($"Blazor.navigateTo('/patienten/{Baseline.NoordPatientId}/plan')");
        await page.WaitForURLAsync($"**/patienten/{Baseline.NoordPatientId}/plan");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // The live page writes its line on the server after the browser has moved on: wait for it, then for any second one.
        await WaitForCountAsync("PlanPage", planBefore + 1);
        await Task.Delay(1000);
        Assert.Equal(detailBefore + 1, await CountAsync("PatientDetail"));
        Assert.Equal(planBefore + 1, await CountAsync("PlanPage"));
    }

    private Task WaitForCountAsync(string subject, int lines) =>
        Stored.WaitForAsync(() => CountAsync(subject), count => count >= lines, $"The record never got {lines} lines about {subject}");

    private async Task<int> CountAsync(string subject)
    {
        await using var scope = browser.Portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.ArrangeDb().AccessLog.CountAsync(e => e.PatientId == Baseline.NoordPatientId && e.Subject == subject);
    }
}
