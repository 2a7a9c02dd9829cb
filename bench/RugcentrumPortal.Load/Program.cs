using RugcentrumPortal.Load;

// Usage:
//   seed    <provider: Sqlite|PostgreSQL> <connection string>
//   reset   <provider> <connection string>          (removes today's logs left by earlier runs)
//   grow    <provider> <connection string> <patients> (adds practices of 1,000 patients until there are that many)
//   run     <base url> <scenario: live|signin|pdf|today|log|overview|patients|alerts> [connections=32] [seconds=20] [warmup seconds=5] [requests per second]
//           (with a rate, requests start at that rate, spread over the connections' sessions, instead of back to back)
//   failover <proxy url> <patients> <seconds> <answered file>   (patients logging while an instance or the database goes)
//   verify  <provider> <connection string> <answered file>     (every answered log stored exactly once)
//   therapist <proxy url> <provider> <connection string> <started file> <strike after s> <port=pid>...
//           (the balance page in Chromium; kills the instance holding it, strike seconds after the started file)
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: seed|reset <provider> <connection> | run <base url> <scenario> [connections] [seconds] [warmup] | failover <proxy url> <patients> <seconds> <file> | verify <provider> <connection> <file>");
    return 2;
}

if (args[0] == "seed")
{
    await BenchData.SeedAsync(args[1], args[2]);
    return 0;
}

if (args[0] == "grow")
{
    await Growth.GrowAsync(args[1], args[2], int.Parse(args[3]));
    return 0;
}

if (args[0] == "failover")
{
    return await Failover.RunAsync(new Uri(args[1]), int.Parse(args[2]), TimeSpan.FromSeconds(int.Parse(args[3])), args[4]);
}

if (args[0] == "therapist")
{
    return await TherapistDuringFailover.RunAsync(new Uri(args[1]), args[2], args[3], args[4], TimeSpan.FromSeconds(int.Parse(args[5])), args[6..]);
}

if (args[0] == "verify")
{
    return await Failover.VerifyAsync(args[1], args[2], args[3]);
}

if (args[0] == "reset")
{
    await BenchData.ResetAsync(args[1], args[2]);
    return 0;
}

var baseAddress = new Uri(args[1]);
var scenario = args[2];
var connections = args.Length > 3 ? int.Parse(args[3]) : 32;
var duration = TimeSpan.FromSeconds(args.Length > 4 ? int.Parse(args[4]) : 20);
var warmup = TimeSpan.FromSeconds(args.Length > 5 ? int.Parse(args[5]) : 5);
double? rate = args.Length > 6 ? double.Parse(args[6], System.Globalization.CultureInfo.InvariantCulture) : null;

// Several scenarios separated by commas run one after the other in this process, sharing one sign-in each.
Console.WriteLine("| scenario | connections or rate | requests | errors | req/s | p50 ms | p95 ms | p99 ms |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
var errors = 0;
foreach (var name in scenario.Split(','))
{
    var senders = await Scenarios.CreateAsync(name, baseAddress, connections);
    var result = rate is { } perSecond
        ? await LoadRun.RunAtRateAsync(name, senders, perSecond, warmup, duration)
        : await LoadRun.RunAsync(name, senders, warmup, duration);
    Console.WriteLine(result);
    errors += result.Errors;
}
return errors == 0 ? 0 : 1;
