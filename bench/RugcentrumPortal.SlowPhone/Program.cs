using System.Diagnostics;
using Microsoft.Playwright;
using RugcentrumPortal.TestSupport;

// The patient's static pages next to the therapist's live pages on a slow phone: Chromium's network emulation
// and CPU slowdown, on the real portal served from this process.
//
//   slowphone [--runs N]
//
// Per connection profile, each page is opened cold (empty cache) and warm (second visit), N times each; "usable"
// is when a tap does what it says: the load event for a static page (its forms post at once), the live connection
// for a workspace page (its inputs stay disabled until then). One action per kind is timed too: a log saved on
// the patient's exercise page (a form post and the page that follows) and a rating on the muscle-balance page (one
// message over the live connection and the change it sends back).
var runs = args.Length >= 2 && args[0] == "--runs" ? int.Parse(args[1]) : 5;
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_RUGCENTRUMPORTAL_WEB", Path.Combine(BenchSupport.RepositoryRoot(), "src", "RugcentrumPortal.Web"));
var portal = new PortalFactory();
await ((Xunit.IAsyncLifetime)portal).InitializeAsync();
portal.WithSetting("Security:AllowInsecureCookies", "true").WithSetting("Logging:LogLevel:Default", "Warning");
var baseAddress = portal.StartKestrel();
var plan = await TestPlans.ActiveAsync(portal, Baseline.NoordPatientId, "chin-tuck", "bridge", "breathing-4-6", "cat-camel", "dead-bug");
var exercisePage = $"/mijn/oefening/{plan.Exercises.Single(e => e.ExerciseId == "breathing-4-6").Id}";
var assessmentId = await TestAssessments.DraftAsync(portal, Baseline.NoordPatientId, "neck");

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_EXECUTABLE") ?? "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

Profile[] profiles =
[
    new("slow 3G (400 ms, 400 kbit/s)", LatencyMs: 400, DownBytesPerSecond: 50_000, UpBytesPerSecond: 50_000, CpuSlowdown: 4),
    new("fast 3G (150 ms, 1.6 Mbit/s)", LatencyMs: 150, DownBytesPerSecond: 200_000, UpBytesPerSecond: 94_000, CpuSlowdown: 4),
];
Console.WriteLine($"{runs} runs per figure, medians; CPU {profiles[0].CpuSlowdown}x slower than this machine's");
foreach (var profile in profiles)
{
    Console.WriteLine($"== {profile.Name}");
    if (args.Contains("--actions-only"))
    {
        await RatingActionAsync(profile);
        continue;
    }
    await PageAsync(profile, "patient: Vandaag (static)", Baseline.NoordPatient, "/mijn", live: false);
    await PageAsync(profile, "patient: exercise page with timer (static)", Baseline.NoordPatient, exercisePage, live: false);
    await PageAsync(profile, "therapist: overview (live)", Baseline.NoordTherapist, "/overzicht", live: true);
    await PageAsync(profile, "therapist: muscle balance (live)", Baseline.NoordTherapist, $"/patienten/{Baseline.NoordPatientId}/onderzoek/{assessmentId}/spierbalans", live: true);
    await LogActionAsync(profile);
    await RatingActionAsync(profile);
}
await ((Xunit.IAsyncLifetime)portal).DisposeAsync();

async Task PageAsync(Profile profile, string name, string email, string path, bool live)
{
    var (cold, warm, coldBytes, warmBytes, paint) = (new List<double>(), new List<double>(), new List<double>(), new List<double>(), new List<double>());
    for (var run = 0; run < runs; run++)
    {
        var (context, page, session) = await SignedInAsync(email, profile);
        // A first visit: nothing in the browser's cache, and no service worker or its kept files (the patient's
        // pages install one during sign-in).
        await session.SendAsync("Network.clearBrowserCache");
        await session.SendAsync("Storage.clearDataForOrigin", new Dictionary<string, object>
        {
            ["origin"] = baseAddress.ToString().TrimEnd('/'), ["storageTypes"] = "service_workers,cache_storage",
        });
        cold.Add(await OpenAsync(page, path, live));
        coldBytes.Add(await TransferredAsync(page));
        paint.Add(await FirstPaintAsync(page));
        warm.Add(await OpenAsync(page, path, live));
        warmBytes.Add(await TransferredAsync(page));
        await context.CloseAsync();
    }
    Console.WriteLine($"  {name}: usable cold {Median(cold):F0} ms ({Median(coldBytes) / 1024:F0} KB, first paint {Median(paint):F0} ms), warm {Median(warm):F0} ms ({Median(warmBytes) / 1024:F0} KB)");
}

async Task LogActionAsync(Profile profile)
{
    var times = new List<double>();
    for (var run = 0; run < runs; run++)
    {
        var (context, page, _) = await SignedInAsync(Baseline.NoordPatient, profile);
        await OpenAsync(page, exercisePage, live: false);
        await page.Locator("label[for=pain-3]").ClickAsync();
        var clock = Stopwatch.StartNew();
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Goed gedaan!" }).WaitForAsync(new() { Timeout = 120_000 });
        times.Add(clock.Elapsed.TotalMilliseconds);
        await context.CloseAsync();
    }
    Console.WriteLine($"  patient: log saved, from the tap to the confirmation: {Median(times):F0} ms");
}

async Task RatingActionAsync(Profile profile)
{
    var times = new List<double>();
    var (context, page, _) = await SignedInAsync(Baseline.NoordTherapist, profile);
    await OpenAsync(page, $"/patienten/{Baseline.NoordPatientId}/onderzoek/{assessmentId}/spierbalans", live: true);
    await page.Locator("#tone-upper-trapezius-overactive").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
    for (var run = 0; run < runs; run++)
    {
        var selector = run % 2 == 0 ? "#tone-upper-trapezius-overactive" : "#tone-upper-trapezius-underactive";
        times.Add(await page.EvaluateAsync<double>(BenchSupport.RoundTripScript, selector));
    }
    await context.CloseAsync();
    Console.WriteLine($"  therapist: one rating, from the tap to the change on screen: {Median(times):F0} ms");
}

async Task<(IBrowserContext, IPage, ICDPSession)> SignedInAsync(string email, Profile profile)
{
    var context = await browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = baseAddress.ToString(), Locale = "nl-NL", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true,
    });
    var page = await context.NewPageAsync();
    await BenchSignIn.SignInAsync(page, email);
    var session = await context.NewCDPSessionAsync(page);
    await session.SendAsync("Network.enable");
    await session.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
    {
        ["offline"] = false, ["latency"] = profile.LatencyMs,
        ["downloadThroughput"] = profile.DownBytesPerSecond, ["uploadThroughput"] = profile.UpBytesPerSecond,
    });
    await session.SendAsync("Emulation.setCPUThrottlingRate", new Dictionary<string, object> { ["rate"] = profile.CpuSlowdown });
    return (context, page, session);
}

static async Task<double> OpenAsync(IPage page, string path, bool live)
{
    var clock = Stopwatch.StartNew();
    await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load, Timeout = 120_000 });
    if (live)
    {
        await page.Locator("[data-circuit=up]").WaitForAsync(new() { Timeout = 120_000 });
    }
    return clock.Elapsed.TotalMilliseconds;
}

// What came over the network for this page: the document and every resource (the live connection's messages not included).
static Task<double> TransferredAsync(IPage page) => page.EvaluateAsync<double>(
    "[...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].reduce((sum, e) => sum + (e.transferSize || 0), 0)");

static Task<double> FirstPaintAsync(IPage page) => page.EvaluateAsync<double>(
    "(performance.getEntriesByName('first-contentful-paint')[0] || { startTime: 0 }).startTime");

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
}

internal sealed record Profile(string Name, int LatencyMs, int DownBytesPerSecond, int UpBytesPerSecond, int CpuSlowdown);

