using Npgsql;

namespace RugcentrumPortal.TestSupport;

/// <summary>
/// Real PostgreSQL databases for tests. The first use in a test run migrates a template database and fills it
/// with the baseline; every fixture then gets a private copy (CREATE DATABASE ... TEMPLATE), which takes a
/// fraction of a second, so tests never see each other's data.
/// </summary>
public static class TestDatabase
{
    private const string Prefix = "rc_test_";

    /// <summary>Start time in the name lets a later run tell a killed run's leftovers from a live run's databases.</summary>
    private static readonly string RunId = $"{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}_{Guid.NewGuid().ToString("N")[..6]}";
    private static readonly TimeSpan LeftoverAge = TimeSpan.FromHours(3);
    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static string? templateName;
    private static int counter;

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("RUGCENTRUM_TEST_DB")
        ?? "Host=127.0.0.1;Port=5432;Database=postgres;Username=rugcentrum;Password=rugcentrum";

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = true }.ConnectionString;

    public static async Task<string> CreateAsync()
    {
        var template = await EnsureTemplateAsync();
        var name = $"{Prefix}{RunId}_{Interlocked.Increment(ref counter)}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return ConnectionStringFor(name);
    }

    public static async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task<string> EnsureTemplateAsync()
    {
        if (templateName is not null)
        {
            return templateName;
        }
        await TemplateGate.WaitAsync();
        try
        {
            if (templateName is null)
            {
                await DropLeftoversAsync();
                var name = $"{Prefix}{RunId}_template";
                await ExecuteAsync($"CREATE DATABASE \"{name}\"");
                await using (var factory = new PortalFactory(ConnectionStringFor(name), migrate: true))
                {
                    await Baseline.SeedAsync(factory.Services);
                }
                // A template cannot be copied while anyone is connected to it.
                NpgsqlConnection.ClearAllPools();
                templateName = name;
            }
            return templateName;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    /// <summary>Databases left by runs that started hours ago and were killed; younger ones may belong to a live run.</summary>
    private static async Task DropLeftoversAsync()
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var command = new NpgsqlCommand(@"SELECT datname FROM pg_database WHERE datname LIKE 'rc\_test\_%'", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }
        var cutoff = DateTimeOffset.UtcNow - LeftoverAge;
        foreach (var name in names.Where(n => StartedBefore(n, cutoff)))
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static bool StartedBefore(string name, DateTimeOffset cutoff)
    {
        var stamp = name[Prefix.Length..].Split('_')[0];
        return !long.TryParse(stamp, out var seconds) || DateTimeOffset.FromUnixTimeSeconds(seconds) < cutoff;
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
