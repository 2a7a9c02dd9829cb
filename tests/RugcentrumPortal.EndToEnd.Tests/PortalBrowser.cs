using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace RugcentrumPortal.EndToEnd.Tests;

/// <summary>
/// The portal on a real loopback port, driven by Debian's Chromium. One per test class; every test gets a fresh
/// browser context (its own cookies).
/// </summary>
public sealed class PortalBrowser : IAsyncLifetime
{
    private IPlaywright? playwright;

    public PortalFactory Portal { get; } = new();
    public Uri BaseAddress { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Portal).InitializeAsync();
        // Plain http on loopback, like scripts/run.sh; a deployment serves the portal over TLS.
        Portal.WithSetting("Security:AllowInsecureCookies", "true");
        BaseAddress = Portal.StartKestrel();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_EXECUTABLE") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright?.Dispose();
        await ((IAsyncLifetime)Portal).DisposeAsync();
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "nl-NL",
        });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (PolicyViolations)
                {
                    PolicyViolations.Add($"{page.Url}: {message.Text}");
                }
            }
        };
        return page;
    }

    /// <summary>Every content-security-policy refusal any page of this browser reported on its console.</summary>
    public List<string> PolicyViolations { get; } = [];

    /// <summary>
    /// Waits until a workspace page runs on its live connection. Before that its inputs are disabled, and a click
    /// would be lost when the live page takes over from the prerendered one.
    /// </summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("[data-circuit=up]").WaitForAsync(new() { Timeout = 15_000 });

    /// <summary>Opens a workspace page and waits for its live connection.</summary>
    public static async Task GotoWorkspaceAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await WaitForCircuitAsync(page);
    }

    /// <summary>
    /// Signs in as a person does: the password, then the code the authenticator app shows when the portal asks for
    /// it (every staff account of the test data has <see cref="Baseline.AuthenticatorKey"/>), or, at a first
    /// sign-in, setting up the app from the key on the page.
    /// </summary>
    public static async Task LogInAsync(IPage page, string email, string password = Baseline.Password, string authenticatorKey = Baseline.AuthenticatorKey)
    {
        await page.GotoAsync("/account/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        if (page.Url.Contains("/account/tweestaps-instellen", StringComparison.Ordinal))
        {
            var key = (await page.Locator("#authenticator-key").TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            await page.GetByLabel("Code van 6 cijfers").FillAsync(Totp.Code(key));
            await page.GetByRole(AriaRole.Button, new() { Name = "Code controleren en aanzetten" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Ik heb de codes bewaard, verder" }).ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        else if (page.Url.Contains("/account/tweestaps", StringComparison.Ordinal))
        {
            await page.GetByLabel("Code van 6 cijfers").FillAsync(Totp.Code(authenticatorKey));
            await page.GetByRole(AriaRole.Button, new() { Name = "Verder" }).ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    /// <summary>Fails with a readable list when axe finds serious or critical violations on the page as it is now.</summary>
    public static async Task AssertNoSeriousAccessibilityViolationsAsync(IPage page)
    {
        AxeResult result = await page.RunAxe();
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(serious.Count == 0, $"Accessibility violations on {page.Url}:\n" + string.Join("\n", serious));
    }
}
