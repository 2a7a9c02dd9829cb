using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RugcentrumPortal.Data;
using RugcentrumPortal.Load;
using RugcentrumPortal.TestSupport;
using RugcentrumPortal.Web.Features.ExerciseMedia;

// Serving the practice's own videos, measured from outside the portal's process (bench/run-media.sh runs both):
//
//   media serve <video>                              the portal on loopback; the video is a practice video of an
//                                                    exercise in the test patient's plan. Prints "READY url id pid".
//   media ranges <url> <id> <pid> [connections] [seconds]   phones starting and seeking: range requests in a closed loop
//   media whole <url> <id> <pid> [connections]              every connection downloads the whole file at once
//   media upload <url> <pid> <file>                         a therapist adds the file on the live media page
//
// First byte: from sending the request to the first byte of the body. Memory: the portal's resident set
// (/proc/<pid>/status), sampled every 20 ms, before and at its highest during the run.
return args.FirstOrDefault() switch
{
    "serve" => await ServeAsync(args[1]),
    "ranges" => await RangesAsync(new Uri(args[1]), Guid.Parse(args[2]), int.Parse(args[3]), Arg(4, 20), Arg(5, 20)),
    "whole" => await WholeAsync(new Uri(args[1]), Guid.Parse(args[2]), int.Parse(args[3]), Arg(4, 20)),
    "upload" => await UploadAsync(new Uri(args[1]), int.Parse(args[2]), args[3]),
    _ => Usage(),
};

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index]) : fallback;

static int Usage()
{
    Console.Error.WriteLine("usage: serve <video> | ranges <url> <id> <pid> [connections] [seconds] | whole <url> <id> <pid> [connections] | upload <url> <pid> <file>");
    return 2;
}

static async Task<int> ServeAsync(string video)
{
    Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_RUGCENTRUMPORTAL_WEB", Path.Combine(BenchSupport.RepositoryRoot(), "src", "RugcentrumPortal.Web"));
    var portal = new PortalFactory();
    await ((Xunit.IAsyncLifetime)portal).InitializeAsync();
    portal.WithSetting("Security:AllowInsecureCookies", "true").WithSetting("Logging:LogLevel:Default", "Warning");
    var baseAddress = portal.StartKestrel();
    await TestPlans.ActiveAsync(portal, Baseline.NoordPatientId, "chin-tuck");
    var item = new ExerciseMediaItem
    {
        PracticeId = Baseline.NoordId, ExerciseId = "chin-tuck", Kind = MediaKind.Video, ContentType = "video/mp4", Length = new FileInfo(video).Length,
        Width = 1280, Height = 720, DurationSeconds = 60, AltText = "Testbeeld", OriginalName = Path.GetFileName(video), UploadedById = "bench",
        UploadedAt = DateTimeOffset.UtcNow,
    };
    await using (var scope = portal.Services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.ArrangeDb();
        db.ExerciseMedia.Add(item);
        await db.SaveChangesAsync();
    }
    File.Copy(video, portal.Services.GetRequiredService<MediaStore>().FileOf(item.Id));
    Console.WriteLine($"READY {baseAddress} {item.Id} {Environment.ProcessId}");
    // Serves until the driver closes standard input.
    await Console.In.ReadToEndAsync();
    await ((Xunit.IAsyncLifetime)portal).DisposeAsync();
    return 0;
}

static async Task<int> RangesAsync(Uri baseAddress, Guid id, int pid, int connections, int seconds)
{
    var sessions = await SignInAsync(baseAddress, Baseline.NoordPatient, connections);
    var length = await LengthAsync(sessions[0], id);
    const int chunk = 1024 * 1024;
    var firstBytes = new List<double>();
    using var memory = new MemorySampler(pid);
    var until = Stopwatch.StartNew();
    await Task.WhenAll(sessions.Select(async (session, n) =>
    {
        var random = new Random(n);
        var buffer = new byte[81920];
        // The first request starts at 0, as a phone does when play is pressed; later ones seek anywhere.
        for (var start = 0L; until.Elapsed < TimeSpan.FromSeconds(seconds); start = random.NextInt64(0, length - chunk))
        {
            var (firstByte, _) = await ReadAsync(session, id, start, chunk, buffer);
            lock (firstBytes)
            {
                firstBytes.Add(firstByte);
            }
        }
    }));
    foreach (var session in sessions)
    {
        session.Dispose();
    }
    Report($"ranges of 1 MB, {connections} connections, {seconds} s", firstBytes, memory, $"{firstBytes.Count} requests, {firstBytes.Count / (double)seconds:0} req/s, {firstBytes.Count * (double)chunk / seconds / 1024 / 1024:0} MB/s");
    return 0;
}

static async Task<int> WholeAsync(Uri baseAddress, Guid id, int pid, int connections)
{
    var sessions = await SignInAsync(baseAddress, Baseline.NoordPatient, connections);
    var length = await LengthAsync(sessions[0], id);
    var firstBytes = new List<double>();
    var totals = new List<double>();
    using var memory = new MemorySampler(pid);
    await Task.WhenAll(sessions.Select(async session =>
    {
        var (firstByte, total) = await ReadAsync(session, id, 0, length, new byte[81920]);
        lock (firstBytes)
        {
            firstBytes.Add(firstByte);
            totals.Add(total);
        }
    }));
    totals.Sort();
    Report($"whole {length / 1024d / 1024d:0.0} MB file, {connections} at once", firstBytes, memory,
        $"download p50 {Percentile(totals, 0.5):0} ms, slowest {totals[^1]:0} ms, {connections * (double)length / (totals[^1] / 1000) / 1024 / 1024:0} MB/s together");
    return 0;
}

static async Task<int> UploadAsync(Uri baseAddress, int pid, string file)
{
    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_EXECUTABLE") ?? "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    var page = await (await browser.NewContextAsync(new() { BaseURL = baseAddress.ToString(), Locale = "nl-NL" })).NewPageAsync();
    await BenchSignIn.SignInAsync(page, Baseline.NoordTherapist);
    await page.GotoAsync("/oefeningen/chin-tuck/media");
    await page.Locator("[data-circuit=up]").WaitForAsync(new() { Timeout = 15_000 });
    await page.Locator("#media-file").SetInputFilesAsync(file);
    await page.Locator(".media-chosen").WaitForAsync();
    await page.GetByLabel("Wat is er te zien? (verplicht)").FillAsync("Meting");
    using var memory = new MemorySampler(pid);
    var clock = Stopwatch.StartNew();
    await page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen" }).ClickAsync();
    await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Meting is toegevoegd." }).WaitForAsync(new() { Timeout = 600_000 });
    var size = new FileInfo(file).Length / 1024d / 1024d;
    Console.WriteLine($"| upload {size:0.0} MB on the live page | {clock.Elapsed.TotalSeconds:0.0} s | {size / clock.Elapsed.TotalSeconds:0.0} MB/s | {memory.Before} MB | {memory.Highest} MB |");
    return 0;
}

static async Task<List<PortalSession>> SignInAsync(Uri baseAddress, string email, int count)
{
    var sessions = new List<PortalSession>();
    for (var i = 0; i < count; i++)
    {
        sessions.Add(await PortalSession.SignInAsync(baseAddress, email, Baseline.Password));
    }
    return sessions;
}

static async Task<long> LengthAsync(PortalSession session, Guid id)
{
    using var request = new HttpRequestMessage(HttpMethod.Head, $"/media/{id}");
    using var response = await session.Http.SendAsync(request);
    response.EnsureSuccessStatusCode();
    return response.Content.Headers.ContentLength ?? throw new InvalidOperationException("no length");
}

/// <summary>One range request: milliseconds to the first byte of the body, and to the last of <paramref name="count"/>.</summary>
static async Task<(double FirstByte, double Total)> ReadAsync(PortalSession session, Guid id, long start, long count, byte[] buffer)
{
    var clock = Stopwatch.StartNew();
    using var request = new HttpRequestMessage(HttpMethod.Get, $"/media/{id}");
    request.Headers.Range = new RangeHeaderValue(start, null);
    using var response = await session.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    if ((int)response.StatusCode != 206)
    {
        throw new InvalidOperationException($"expected 206, got {(int)response.StatusCode}");
    }
    await using var body = await response.Content.ReadAsStreamAsync();
    var read = await body.ReadAsync(buffer);
    var firstByte = clock.Elapsed.TotalMilliseconds;
    long total = read;
    // A phone that has what it needs stops reading and drops the rest of the response.
    while (read > 0 && total < count)
    {
        read = await body.ReadAsync(buffer);
        total += read;
    }
    return (firstByte, clock.Elapsed.TotalMilliseconds);
}

static void Report(string name, List<double> firstBytes, MemorySampler memory, string extra)
{
    firstBytes.Sort();
    Console.WriteLine("| run | first byte p50 | p95 | max | portal memory before | highest during | |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---|");
    Console.WriteLine($"| {name} | {Percentile(firstBytes, 0.5):0.0} ms | {Percentile(firstBytes, 0.95):0.0} ms | {firstBytes[^1]:0.0} ms | {memory.Before} MB | {memory.Highest} MB | {extra} |");
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

/// <summary>The resident memory of the portal's process, read from /proc every 20 ms while a run lasts.</summary>
sealed class MemorySampler : IDisposable
{
    private readonly int pid;
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;
    private long highest;

    public MemorySampler(int pid)
    {
        this.pid = pid;
        Before = ResidentMegabytes();
        sampling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                highest = Math.Max(highest, ResidentMegabytes());
                await Task.Delay(20);
            }
        });
    }

    public long Before { get; }

    public long Highest => Math.Max(highest, ResidentMegabytes());

    private long ResidentMegabytes() =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;

    public void Dispose()
    {
        stop.Cancel();
        sampling.Wait();
    }
}
