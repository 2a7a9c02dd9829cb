using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;

namespace RugcentrumPortal.Load;

/// <summary>
/// Patients logging through the proxy while the run script stops one portal instance or restarts the database.
/// Each patient behaves as the phone does: a log that got no answer is sent again with the same submission id
/// until it is answered, so a log is lost only if the portal answered it and did not keep it.
/// </summary>
public static class Failover
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromMilliseconds(250);

    public static async Task<int> RunAsync(Uri proxy, int patients, TimeSpan length, string answeredFile)
    {
        var logs = new List<Func<Guid, Task<bool>>>();
        for (var i = 0; i < patients; i++)
        {
            var from = BenchData.LoopbackAddress(i);
            logs.Add(await LogAsync(proxy, 1 + i * (BenchData.Patients / patients), from));
        }

        // The run script times its strike from this moment, when every patient is signed in and logging starts.
        await File.WriteAllTextAsync(answeredFile + ".started", DateTimeOffset.UtcNow.ToString("O"));
        var answered = new ConcurrentBag<Guid>();
        var outcomes = new ConcurrentBag<(double At, bool Ok)>();
        var waits = new ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(logs.Select(send => Task.Run(async () =>
        {
            while (clock.Elapsed < length)
            {
                var submission = Guid.NewGuid();
                double? failedAt = null;
                while (clock.Elapsed < length + TimeSpan.FromSeconds(30))
                {
                    bool ok;
                    try
                    {
                        ok = await send(submission);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        ok = false;
                    }
                    outcomes.Add((clock.Elapsed.TotalSeconds, ok));
                    if (ok)
                    {
                        answered.Add(submission);
                        if (failedAt is { } since)
                        {
                            waits.Add(clock.Elapsed.TotalSeconds - since);
                        }
                        break;
                    }
                    failedAt ??= clock.Elapsed.TotalSeconds;
                    await Task.Delay(RetryAfter);
                }
            }
        })));

        await File.WriteAllLinesAsync(answeredFile, answered.Select(g => g.ToString()));
        var errors = outcomes.Where(o => !o.Ok).Select(o => o.At).Order().ToList();
        Console.WriteLine("| patients | logs answered | requests | failed requests | errors seen from s | to s | longest wait for an answer, s |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        Console.WriteLine($"| {patients} | {answered.Count} | {outcomes.Count} | {errors.Count} | {(errors.Count > 0 ? errors[0].ToString("0.0") : "-")} | " +
            $"{(errors.Count > 0 ? errors[^1].ToString("0.0") : "-")} | {(waits.IsEmpty ? "-" : waits.Max().ToString("0.0"))} |");
        Console.WriteLine();
        Console.WriteLine("second: answered / failed");
        foreach (var second in outcomes.GroupBy(o => (int)o.At).OrderBy(g => g.Key))
        {
            Console.WriteLine($"{second.Key,3}: {second.Count(o => o.Ok),5} / {second.Count(o => !o.Ok)}");
        }
        return 0;
    }

    /// <summary>Every answered log is in the database exactly once.</summary>
    public static async Task<int> VerifyAsync(string provider, string connectionString, string answeredFile)
    {
        var answered = (await File.ReadAllLinesAsync(answeredFile)).Select(Guid.Parse).ToHashSet();
        await using var db = BenchData.Open(provider, connectionString);
        var stored = await db.SessionLogs.Where(l => l.Patient!.PracticeId == BenchData.PracticeId && l.Day >= BenchData.Today)
            .GroupBy(l => l.SubmissionId).Select(g => new { Submission = g.Key, Rows = g.Count() }).ToListAsync();
        var storedIds = stored.Select(s => s.Submission).ToHashSet();
        var lost = answered.Count(id => !storedIds.Contains(id));
        var doubled = stored.Count(s => s.Rows > 1);
        Console.WriteLine($"answered {answered.Count}, stored {stored.Count}, lost {lost}, stored twice {doubled}");
        return lost == 0 && doubled == 0 ? 0 : 1;
    }

    private static async Task<Func<Guid, Task<bool>>> LogAsync(Uri proxy, int patient, IPAddress from)
    {
        var session = await PortalSession.SignInAsync(proxy, BenchData.PatientEmail(patient), BenchData.Password, from: from);
        var page = await session.Http.GetStringAsync("/mijn");
        var handler = Scenarios.DoneHandlerOn(page);
        var token = PortalSession.Token(page);
        return async submission =>
        {
            using var response = await session.Http.PostAsync("/mijn", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = handler, ["__RequestVerificationToken"] = token, ["SubmissionId"] = submission.ToString(),
            }));
            return response.StatusCode == HttpStatusCode.Redirect;
        };
    }
}
