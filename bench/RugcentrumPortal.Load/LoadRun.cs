using System.Diagnostics;

namespace RugcentrumPortal.Load;

public sealed record LoadResult(string Scenario, string Connections, int Requests, int Errors, double Seconds, double Median, double P95, double P99)
{
    public double RequestsPerSecond => Requests / Seconds;

    public override string ToString() =>
        $"| {Scenario} | {Connections} | {Requests} | {Errors} | {RequestsPerSecond:0.0} | {Median:0.0} | {P95:0.0} | {P99:0.0} |";
}

/// <summary>
/// A closed-loop load: each connection sends its next request as soon as the previous one answered, for a fixed
/// time after a warm-up, and every latency is kept so the percentiles are exact. Or an open-loop load: requests
/// start at a fixed rate whether or not earlier ones answered, as visitors arrive, which shows the latency people
/// meet at that rate rather than at the server's limit.
/// </summary>
public static class LoadRun
{
    /// <summary>
    /// Starts <paramref name="perSecond"/> requests a second, taking the senders in turn. Each latency counts from the
    /// moment its request was due, so a server that falls behind shows its queue in the figures instead of hiding it.
    /// </summary>
    public static async Task<LoadResult> RunAtRateAsync(string scenario, IReadOnlyList<Func<Task<bool>>> senders, double perSecond, TimeSpan warmup, TimeSpan duration)
    {
        await RunPhaseAsync(senders, warmup, null);
        var latencies = new List<double>();
        var errors = 0;
        var interval = Stopwatch.Frequency / perSecond;
        var total = (int)(perSecond * duration.TotalSeconds);
        var start = Stopwatch.GetTimestamp();
        var requests = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = start + (long)(i * interval);
            while (Stopwatch.GetTimestamp() < due)
            {
                var wait = TimeSpan.FromTicks((long)((due - Stopwatch.GetTimestamp()) * TimeSpan.TicksPerSecond / (double)Stopwatch.Frequency));
                if (wait > TimeSpan.FromMilliseconds(2))
                {
                    await Task.Delay(wait - TimeSpan.FromMilliseconds(1));
                }
                else
                {
                    Thread.SpinWait(50);
                }
            }
            var send = senders[i % senders.Count];
            requests.Add(Task.Run(async () =>
            {
                var ok = await TrySendAsync(send);
                var ms = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
                lock (latencies)
                {
                    latencies.Add(ms);
                    errors += ok ? 0 : 1;
                }
            }));
        }
        await Task.WhenAll(requests);
        return Result(scenario, $"{perSecond:0}/s", latencies, errors, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    public static async Task<LoadResult> RunAsync(string scenario, IReadOnlyList<Func<Task<bool>>> connections, TimeSpan warmup, TimeSpan duration)
    {
        await RunPhaseAsync(connections, warmup, null);
        var latencies = new List<double>[connections.Count];
        var errors = new int[connections.Count];
        var clock = Stopwatch.StartNew();
        await RunPhaseAsync(connections, duration, (index, ms, ok) =>
        {
            (latencies[index] ??= []).Add(ms);
            if (!ok)
            {
                errors[index]++;
            }
        });
        return Result(scenario, connections.Count.ToString(), latencies.Where(l => l is not null).SelectMany(l => l), errors.Sum(), clock.Elapsed.TotalSeconds);
    }

    private static Task RunPhaseAsync(IReadOnlyList<Func<Task<bool>>> connections, TimeSpan length, Action<int, double, bool>? record)
    {
        var until = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
        return Task.WhenAll(connections.Select((send, index) => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await TrySendAsync(send);
                record?.Invoke(index, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ok);
            }
        })));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>A request that fails, or goes unanswered within the client's minute (above capacity the server's queue only grows), counts as an error.</summary>
    private static async Task<bool> TrySendAsync(Func<Task<bool>> send)
    {
        try
        {
            return await send();
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static LoadResult Result(string scenario, string load, IEnumerable<double> latencies, int errors, double seconds)
    {
        var all = latencies.Order().ToArray();
        return new LoadResult(scenario, load, all.Length, errors, seconds, Percentile(all, 0.50), Percentile(all, 0.95), Percentile(all, 0.99));
    }
}
