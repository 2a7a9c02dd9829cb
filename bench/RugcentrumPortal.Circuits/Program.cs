using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using RugcentrumPortal.TestSupport;

// Memory per open workspace circuit and the round trip of one interaction, measured on the real portal served
// from this process (so its managed heap can be read exactly) and driven by Debian's Chromium.
//
//   circuits <path> [--circuits N] [--click css]... [--rounds R]
//
// For each run: sign in once as the demo therapist, open a few warm-up pages, read the heap after a full
// collection, open N more pages on <path> and wait until each has its live connection, read the heap again.
// The same is done for N plain static pages; the difference between the two is what the circuits cost, without
// what the driver itself keeps per page. With --click selectors, R interactions follow, spread over the open
// pages; each is timed inside the page from the click to the first change the server sends back.
var options = BenchOptions.Parse(args);
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_RUGCENTRUMPORTAL_WEB", Path.Combine(BenchSupport.RepositoryRoot(), "src", "RugcentrumPortal.Web"));
var portal = new PortalFactory();
await ((Xunit.IAsyncLifetime)portal).InitializeAsync();
portal.WithSetting("Security:AllowInsecureCookies", "true").WithSetting("Logging:LogLevel:Default", "Warning");
var baseAddress = portal.StartKestrel();

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_EXECUTABLE") ?? "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--renderer-process-limit=8"],
});

var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), Locale = "nl-NL" });
var login = await context.NewPageAsync();
await BenchSignIn.SignInAsync(login, Baseline.NoordTherapist);
await login.Locator("[data-circuit=up]").WaitForAsync();

var path = options.Path.Replace("{patient}", Baseline.NoordPatientId.ToString(), StringComparison.Ordinal);
if (path.Contains("{assessment}", StringComparison.Ordinal))
{
    path = path.Replace("{assessment}", (await TestAssessments.DraftAsync(portal, Baseline.NoordPatientId, "neck", "shoulder:right")).ToString(), StringComparison.Ordinal);
}
var staticCost = await MeasureAsync(context, "/account/geen-toegang", options.Circuits, live: false);
var liveCost = await MeasureAsync(context, path, options.Circuits, live: true);
var perCircuit = (liveCost.HeapBytes - staticCost.HeapBytes) / options.Circuits;
Console.WriteLine($"page {path}: {options.Circuits} circuits");
Console.WriteLine($"  managed heap per circuit: {perCircuit / 1024.0:F0} KB (live pages {liveCost.HeapBytes / 1024.0 / options.Circuits:F0} KB each, minus {staticCost.HeapBytes / 1024.0 / options.Circuits:F0} KB the driver keeps per static page)");
Console.WriteLine($"  process working set per circuit: {(liveCost.WorkingSetBytes - staticCost.WorkingSetBytes) / options.Circuits / 1024.0:F0} KB");

if (options.Clicks.Count > 0)
{
    var (pages, _) = await OpenAsync(context, path, options.Circuits, live: true);
    var times = new List<double>();
    for (var i = 0; i < options.Rounds; i++)
    {
        var page = pages[i % pages.Count];
        var selector = options.Clicks[(i / pages.Count) % options.Clicks.Count];
        times.Add(await page.EvaluateAsync<double>(BenchSupport.RoundTripScript, selector));
    }
    times.Sort();
    if (options.HoldSeconds > 0)
    {
        // Time to take a heap snapshot of this process (dotnet-gcdump collect -p <pid>) with the circuits open.
        Console.WriteLine($"  holding {pages.Count} circuits open for {options.HoldSeconds} s in process {Environment.ProcessId}");
        await Task.Delay(TimeSpan.FromSeconds(options.HoldSeconds));
    }
    Console.WriteLine($"  round trip of one click with {pages.Count} circuits open ({times.Count} clicks): " +
        $"p50 {Percentile(times, 0.50):F1} ms, p95 {Percentile(times, 0.95):F1} ms, max {times[^1]:F1} ms");
}

await ((Xunit.IAsyncLifetime)portal).DisposeAsync();

static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Clamp(Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

static async Task<Cost> MeasureAsync(IBrowserContext context, string path, int count, bool live)
{
    var before = Snapshot();
    var (pages, after) = await OpenAsync(context, path, count, live);
    foreach (var page in pages)
    {
        await page.CloseAsync();
    }
    return new Cost(after.HeapBytes - before.HeapBytes, after.WorkingSetBytes - before.WorkingSetBytes);
}

static async Task<(List<IPage> Pages, Cost After)> OpenAsync(IBrowserContext context, string path, int count, bool live)
{
    var pages = new List<IPage>();
    for (var i = 0; i < count; i++)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        if (live)
        {
            await page.Locator("[data-circuit=up]").WaitForAsync(new() { Timeout = 60_000 });
        }
        pages.Add(page);
    }
    await Task.Delay(1000);
    return (pages, Snapshot());
}

static Cost Snapshot()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    return new Cost(GC.GetTotalMemory(forceFullCollection: true), Process.GetCurrentProcess().WorkingSet64);
}

internal readonly record struct Cost(long HeapBytes, long WorkingSetBytes);

internal sealed record BenchOptions(string Path, int Circuits, List<string> Clicks, int Rounds, int HoldSeconds)
{
    public static BenchOptions Parse(string[] args)
    {
        var path = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "/patienten";
        int circuits = 100, rounds = 200, hold = 0;
        var clicks = new List<string>();
        for (var i = 0; i < args.Length - 1; i++)
        {
            switch (args[i])
            {
                case "--circuits": circuits = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--click": clicks.Add(args[++i]); break;
                case "--hold": hold = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
            }
        }
        return new BenchOptions(path, circuits, clicks, rounds, hold);
    }
}
