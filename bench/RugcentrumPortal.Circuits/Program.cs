using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using RugcentrumPortal.TestSupport;

// Memory per open workspace circuit, the round trip of one interaction with N circuits open, what the server's
// CPU pays per interaction and per idle circuit, and whether the memory comes back when the pages are closed;
// measured on the real portal served from this process (so its managed heap and CPU time can be read exactly)
// and driven by Debian's Chromium.
//
//   circuits <path> [--circuits N] [--per-page F] [--click css]... [--rounds R] [--idle S] [--ramp r1,r2,...]
//            [--ramp-seconds S] [--release] [--hold S]
//
// The circuits are held as same-origin frames, F to a tab (100 by default), each tab in its own browser context:
// every frame loads the page, starts Blazor and holds its own circuit over the real hub, as a tab would, at a
// fraction of what a tab costs the browser. For each run: sign in once as the demo therapist, read the heap after a
// full collection, open N frames on <path> and wait until each runs on its live connection, read the heap again.
// The same is done for N frames of a plain static page; the difference is what the circuits cost, without what
// the browser driver keeps per frame. With --click selectors, R interactions follow one at a time, spread over the
// open frames, each timed inside the page from the click to the first change the server sends back; then the
// idle cost (process CPU over S seconds with the circuits open and untouched) and, with --ramp, interactions fired
// at each rate for --ramp-seconds, with the server's CPU time per interaction. --release closes the tabs and reads
// the heap right after and again after the circuit retention period.
var options = BenchOptions.Parse(args);
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_RUGCENTRUMPORTAL_WEB", Path.Combine(BenchSupport.RepositoryRoot(), "src", "RugcentrumPortal.Web"));
var portal = new CircuitsPortal();
await ((Xunit.IAsyncLifetime)portal).InitializeAsync();
portal.WithSetting("Security:AllowInsecureCookies", "true").WithSetting("Logging:LogLevel:Default", "Warning");
var baseAddress = portal.StartKestrel();
using var watchdog = MemoryWatchdog.Start();

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_EXECUTABLE") ?? "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--renderer-process-limit=16"],
});

var signedIn = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), Locale = "nl-NL" });
var login = await signedIn.NewPageAsync();
await BenchSignIn.SignInAsync(login, Baseline.NoordTherapist);
await login.Locator("[data-circuit=up]").WaitForAsync();
var session = await signedIn.StorageStateAsync();

var path = options.Path.Replace("{patient}", Baseline.NoordPatientId.ToString(), StringComparison.Ordinal);
if (path.Contains("{assessment}", StringComparison.Ordinal))
{
    path = path.Replace("{assessment}", (await TestAssessments.DraftAsync(portal, Baseline.NoordPatientId, "neck", "shoulder:right")).ToString(), StringComparison.Ordinal);
}
var tabs = new CircuitTabs(browser, baseAddress, session, options.PerPage);
var serverCpu = new ServerCpu(portal.ConnectionString);

var staticCost = await MeasureAsync(tabs, "/account/geen-toegang", options.Circuits);
var before = Snapshot();
var clock = Stopwatch.StartNew();
var open = await tabs.OpenAsync(path, options.Circuits, live: true);
var openSeconds = clock.Elapsed.TotalSeconds;
var opened = Snapshot();
var live = new Cost(opened.HeapBytes - before.HeapBytes, opened.WorkingSetBytes - before.WorkingSetBytes);
Console.WriteLine($"page {path}: {options.Circuits} circuits, opened in {openSeconds:F0} s ({Load.Average()})");
Console.WriteLine($"  managed heap per circuit: {(live.HeapBytes - staticCost.HeapBytes) / options.Circuits / 1024.0:F0} KB (live frames {live.HeapBytes / 1024.0 / options.Circuits:F0} KB each, minus {staticCost.HeapBytes / 1024.0 / options.Circuits:F0} KB per static frame)");
Console.WriteLine($"  process working set per circuit: {(live.WorkingSetBytes - staticCost.WorkingSetBytes) / options.Circuits / 1024.0:F0} KB");
Console.WriteLine($"  {CircuitCount.Open} circuits open ({CircuitCount.Connected} connected); heap {Mb(opened.HeapBytes)} MB, working set {Mb(opened.WorkingSetBytes)} MB, memory available to the machine {MemoryWatchdog.AvailableKilobytes() / 1024} MB");

if (options.Clicks.Count > 0)
{
    var times = new List<double>();
    var unanswered = 0;
    var cpu = serverCpu.Read();
    for (var i = 0; i < options.Rounds; i++)
    {
        try
        {
            times.Add(await open.ClickAsync(i * 37 % open.Count, options.Clicks));
        }
        catch (PlaywrightException failed)
        {
            unanswered++;
            Console.WriteLine($"    {failed.Message.Split('\n')[0]}");
        }
    }
    var spent = serverCpu.Read() - cpu;
    times.Sort();
    Console.WriteLine($"  round trip of one click with {open.Count} circuits open ({times.Count} clicks one at a time, {unanswered} unanswered in 30 s): " +
        $"p50 {Percentile(times, 0.50):F1} ms, p95 {Percentile(times, 0.95):F1} ms, max {times[^1]:F1} ms ({Load.Average()})");
    Console.WriteLine($"    CPU per click: portal {spent.PortalMs / times.Count:F2} ms, database {spent.DatabaseMs / times.Count:F2} ms (portal's figure includes the driver's call per click)");

    // What the portal spends per second with the circuits open and nobody clicking; taken off the ramp's clicks.
    var idlePortalMsPerSecond = 0.0;
    if (options.IdleSeconds > 0)
    {
        // The clicks above made new code paths hot; the runtime compiles them again in the background, which would
        // otherwise count as idle cost.
        await Task.Delay(TimeSpan.FromSeconds(20));
        var idleFrom = serverCpu.Read();
        await Task.Delay(TimeSpan.FromSeconds(options.IdleSeconds));
        var idle = serverCpu.Read() - idleFrom;
        idlePortalMsPerSecond = idle.PortalMs / options.IdleSeconds;
        Console.WriteLine($"  idle with {open.Count} circuits open for {options.IdleSeconds} s: portal {idle.PortalMs / options.IdleSeconds / 10:F2}% of one core, database {idle.DatabaseMs / options.IdleSeconds / 10:F2}% ({Load.Average()})");
    }
    foreach (var rate in options.Ramp)
    {
        var from = serverCpu.Read();
        var rampClock = Stopwatch.StartNew();
        var ramp = await open.FireAsync(rate, options.RampSeconds, options.Clicks);
        var seconds = rampClock.Elapsed.TotalSeconds;
        var used = serverCpu.Read() - from;
        ramp.Sort();
        Console.WriteLine($"  {rate}/s for {options.RampSeconds} s: {ramp.Count} clicks answered ({ramp.Count / (double)options.RampSeconds:F0}/s over the {options.RampSeconds} s), round trip p50 {Percentile(ramp, 0.50):F1} ms, " +
            $"p95 {Percentile(ramp, 0.95):F1} ms, max {ramp[^1]:F1} ms; portal CPU {used.PortalMs / ramp.Count:F2} ms per click, {(used.PortalMs - idlePortalMsPerSecond * seconds) / ramp.Count:F2} ms above idle ({used.PortalMs / seconds / 10:F0}% of one core), " +
            $"database {used.DatabaseMs / ramp.Count:F2} ms per click ({Load.Average()})");
    }
}
if (options.HoldSeconds > 0)
{
    // Time to take a heap snapshot of this process (dotnet-gcdump collect -p <pid>) with the circuits open.
    Console.WriteLine($"  holding {open.Count} circuits open for {options.HoldSeconds} s in process {Environment.ProcessId}");
    await Task.Delay(TimeSpan.FromSeconds(options.HoldSeconds));
}
if (options.Release)
{
    Console.WriteLine($"  before closing: {CircuitCount.Open} circuits open ({CircuitCount.Connected} connected)");
    var closing = Stopwatch.StartNew();
    await open.CloseAsync();
    Console.WriteLine($"  tabs closed in {closing.Elapsed.TotalSeconds:F0} s");
    await Task.Delay(TimeSpan.FromSeconds(5));
    var closed = Snapshot();
    Console.WriteLine($"  tabs closed, 5 s later: {CircuitCount.Open} circuits open ({CircuitCount.Connected} connected), heap {Mb(closed.HeapBytes)} MB " +
        $"({Mb(closed.HeapBytes - before.HeapBytes)} MB above before opening), working set {Mb(closed.WorkingSetBytes)} MB");
    var retention = portal.Services.GetRequiredService<IOptions<CircuitOptions>>().Value.DisconnectedCircuitRetentionPeriod;
    await Task.Delay(retention + TimeSpan.FromSeconds(15));
    var released = Snapshot();
    Console.WriteLine($"  after the retention period ({retention.TotalSeconds:F0} s) and 15 s: {CircuitCount.Open} circuits open, heap {Mb(released.HeapBytes)} MB " +
        $"({Mb(released.HeapBytes - before.HeapBytes)} MB above before opening), working set {Mb(released.WorkingSetBytes)} MB ({Load.Average()})");
}

await browser.CloseAsync();
await ((Xunit.IAsyncLifetime)portal).DisposeAsync();

static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture);

static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Clamp(Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

static async Task<Cost> MeasureAsync(CircuitTabs tabs, string path, int count)
{
    var before = Snapshot();
    var open = await tabs.OpenAsync(path, count, live: false);
    var after = Snapshot();
    await open.CloseAsync();
    return new Cost(after.HeapBytes - before.HeapBytes, after.WorkingSetBytes - before.WorkingSetBytes);
}

static Cost Snapshot()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    return new Cost(GC.GetTotalMemory(forceFullCollection: true), Process.GetCurrentProcess().WorkingSet64);
}

internal readonly record struct Cost(long HeapBytes, long WorkingSetBytes);

internal sealed record BenchOptions(string Path, int Circuits, int PerPage, List<string> Clicks, int Rounds, int HoldSeconds,
    int IdleSeconds, List<int> Ramp, int RampSeconds, bool Release)
{
    public static BenchOptions Parse(string[] args)
    {
        var path = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "/patienten";
        int circuits = 100, perPage = 100, rounds = 200, hold = 0, idle = 0, rampSeconds = 20;
        var clicks = new List<string>();
        var ramp = new List<int>();
        var release = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--circuits": circuits = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--per-page": perPage = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--click": clicks.Add(args[++i]); break;
                case "--hold": hold = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--idle": idle = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--ramp": ramp.AddRange(args[++i].Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture))); break;
                case "--ramp-seconds": rampSeconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--release": release = true; break;
            }
        }
        return new BenchOptions(path, circuits, perPage, clicks, rounds, hold, idle, ramp, rampSeconds, release);
    }
}
