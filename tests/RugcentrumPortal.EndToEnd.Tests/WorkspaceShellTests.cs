using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.EndToEnd.Tests;

/// <summary>The frame every workspace page shares: live connection, one stylesheet family, strict policy.</summary>
public class WorkspaceShellTests(PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    [Fact]
    public async Task Overview_comes_alive_in_the_portal_theme_without_a_single_policy_refusal()
    {
        var page = await browser.NewPageAsync();
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);

        await PortalBrowser.WaitForCircuitAsync(page);

        var bar = await page.Locator(".portal-bar").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.Equal("rgb(31, 95, 91)", bar);
        var sheets = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('link[rel=stylesheet]')].map(l => l.getAttribute('href'))");
        Assert.Contains(sheets, s => s.Contains("MudBlazor", StringComparison.Ordinal));
        Assert.DoesNotContain(sheets, s => s.Contains("bootstrap", StringComparison.Ordinal));
        Assert.False(await page.Locator("#components-reconnect-modal").IsVisibleAsync());
        Assert.DoesNotContain(browser.PolicyViolations, v => v.Contains("/overzicht", StringComparison.Ordinal));
        await PortalBrowser.ScreenshotAsync(page, "workspace-overview");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
        await page.SetViewportSizeAsync(1024, 768);
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);
        await PortalBrowser.ScreenshotAsync(page, "workspace-overview-tablet");
    }

    [Fact]
    public async Task Sign_in_page_stays_a_plain_page_without_the_live_connection_script()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/inloggen");

        var scripts = await page.EvaluateAsync<string[]>("[...document.scripts].map(s => s.getAttribute('src') ?? '')");
        var sheets = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('link[rel=stylesheet]')].map(l => l.getAttribute('href'))");

        Assert.DoesNotContain(scripts, s => s.Contains("blazor.web.js", StringComparison.Ordinal));
        Assert.DoesNotContain(sheets, s => s.Contains("MudBlazor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Following_a_link_to_a_page_the_role_does_not_allow_explains_instead_of_showing_it()
    {
        var page = await browser.NewPageAsync();
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);
        await PortalBrowser.WaitForCircuitAsync(page);

        await page.GotoAsync("/beheer/accounts");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Geen toegang");
    }

    [Fact]
    public async Task The_live_page_knows_who_is_asking_and_keeps_showing_the_therapists_own_drafts()
    {
        var patient = await AddDraftAsync(Baseline.NoordTherapist);
        var page = await browser.NewPageAsync();
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);
        await PortalBrowser.WaitForCircuitAsync(page);

        // The live render replaces the prerendered one; had the circuit no user, the list would come back empty.
        await page.WaitForTimeoutAsync(1000);

        await Assertions.Expect(page.Locator("#drafts-heading").Locator("xpath=..").GetByRole(AriaRole.Link)).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#drafts-heading").Locator("xpath=..")).ToContainTextAsync(patient);
    }

    [Fact]
    public async Task A_dropped_connection_shows_a_dutch_message_and_the_page_carries_on_when_it_returns()
    {
        var page = await browser.NewPageAsync();
        var line = new LiveConnection();
        await page.RouteWebSocketAsync(new System.Text.RegularExpressions.Regex("/_blazor"), line.Handle);
        await page.RouteAsync(new System.Text.RegularExpressions.Regex("/_blazor"), line.HandleHttpAsync);
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);
        await PortalBrowser.WaitForCircuitAsync(page);
        var dialog = page.Locator("#components-reconnect-modal");

        await line.DropAsync();
        await Assertions.Expect(dialog).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(dialog).ToContainTextAsync("De verbinding is even weg");
        await PortalBrowser.ScreenshotAsync(page, "workspace-reconnecting");
        line.Restore();

        await Assertions.Expect(dialog).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Link, new() { Name = "Patiënten" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Patiënten");
    }

    /// <summary>The page's live connection, passed through to the server until the test cuts it.</summary>
    private sealed class LiveConnection
    {
        private readonly List<IWebSocketRoute> open = [];
        private bool cut;

        public void Handle(IWebSocketRoute socket)
        {
            if (cut)
            {
                _ = socket.CloseAsync();
                return;
            }
            socket.ConnectToServer();
            lock (open)
            {
                open.Add(socket);
            }
        }

        // Without its WebSocket the client falls back to plain HTTP transports; a dropped line drops those too.
        public Task HandleHttpAsync(IRoute route) => cut ? route.AbortAsync() : route.ContinueAsync();

        public async Task DropAsync()
        {
            cut = true;
            IWebSocketRoute[] sockets;
            lock (open)
            {
                sockets = [.. open];
                open.Clear();
            }
            foreach (var socket in sockets)
            {
                await socket.CloseAsync(new() { Code = 4000, Reason = "dropped" });
            }
        }

        public void Restore() => cut = false;
    }

    private async Task<string> AddDraftAsync(string therapistEmail)
    {
        await using var scope = browser.Portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        var therapist = await db.Users.SingleAsync(u => u.Email == therapistEmail);
        var patient = await db.Patients.SingleAsync(p => p.Id == Baseline.NoordPatientId);
        db.Assessments.Add(new ClinicalAssessment
        {
            PatientId = patient.Id, TherapistId = therapist.Id, Kind = AssessmentKind.Intake, Status = AssessmentStatus.Draft,
            CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        return patient.LastName;
    }
}
