using System.Diagnostics;
using System.Globalization;
using Npgsql;

/// <summary>The load average of the shared machine, printed next to every figure.</summary>
internal static class Load
{
    public static string Average()
    {
        var fields = File.ReadAllText("/proc/loadavg").Split(' ');
        return $"load average {fields[0]} / {fields[1]} / {fields[2]}";
    }
}

/// <summary>
/// CPU time used by the portal (this process) and by the database server's backends serving the portal's test
/// database, read from the kernel's accounts; the browser, on the same cores, is in neither.
/// </summary>
internal sealed class ServerCpu(string connectionString)
{
    private static readonly double MillisecondsPerTick = 1000.0 / 100;

    public CpuReading Read()
    {
        var backends = new Dictionary<int, double>();
        using (var connection = new NpgsqlConnection(connectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand("select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()", connection);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var pid = reader.GetInt32(0);
                if (ProcessMilliseconds(pid) is { } ms)
                {
                    backends[pid] = ms;
                }
            }
        }
        return new CpuReading(Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds, backends);
    }

    private static double? ProcessMilliseconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name, which is in parentheses and may hold spaces: utime is the 14th field.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * MillisecondsPerTick;
        }
        catch (IOException)
        {
            return null;
        }
    }
}

internal sealed record CpuReading(double PortalMs, IReadOnlyDictionary<int, double> Backends)
{
    /// <summary>The CPU spent between two readings; a backend that started in between counts from zero.</summary>
    public static CpuSpent operator -(CpuReading later, CpuReading earlier) =>
        new(later.PortalMs - earlier.PortalMs,
            later.Backends.Sum(b => b.Value - earlier.Backends.GetValueOrDefault(b.Key)));
}

internal readonly record struct CpuSpent(double PortalMs, double DatabaseMs);

/// <summary>
/// Others work on this machine: when available memory falls under 4 GB the browser this run started is ended
/// (by its process ids, found as descendants of this process) and the run stops.
/// </summary>
internal sealed class MemoryWatchdog : IDisposable
{
    private const long FloorKilobytes = 4L * 1024 * 1024;
    private readonly Timer timer;

    private MemoryWatchdog() => timer = new Timer(_ => Check(), null, TimeSpan.Zero, TimeSpan.FromSeconds(1));

    public static MemoryWatchdog Start() => new();

    public static long AvailableKilobytes() =>
        long.Parse(File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemAvailable:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private static void Check()
    {
        if (AvailableKilobytes() >= FloorKilobytes)
        {
            return;
        }
        Console.WriteLine($"available memory under 4 GB ({AvailableKilobytes() / 1024} MB): ending the browser and the run");
        foreach (var pid in Descendants(Environment.ProcessId))
        {
            try
            {
                Process.GetProcessById(pid).Kill();
            }
            catch (ArgumentException)
            {
            }
        }
        Environment.Exit(3);
    }

    private static List<int> Descendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid))
            {
                try
                {
                    var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                    parents[pid] = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                }
                catch (IOException)
                {
                }
            }
        }
        var found = new List<int>();
        var queue = new Queue<int>([root]);
        while (queue.Count > 0)
        {
            var parent = queue.Dequeue();
            foreach (var (child, _) in parents.Where(p => p.Value == parent))
            {
                found.Add(child);
                queue.Enqueue(child);
            }
        }
        return found;
    }

    public void Dispose() => timer.Dispose();
}
