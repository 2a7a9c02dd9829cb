using Microsoft.Data.Sqlite;
using Npgsql;

namespace RugcentrumPortal.TestSupport;

/// <summary>
/// Real databases for tests, on the provider named by RUGCENTRUM_TEST_PROVIDER (PostgreSQL unless set; Sqlite).
/// The first use in a test run migrates a template and fills it with the baseline; every fixture then gets a
/// private copy, which takes a fraction of a second, so tests never see each other's data. PostgreSQL copies with
/// CREATE DATABASE ... TEMPLATE, SQLite copies the file.
/// </summary>
public static class TestDatabase
{
    public static string Provider { get; } = Environment.GetEnvironmentVariable("RUGCENTRUM_TEST_PROVIDER") is { Length: > 0 } named ? named : "PostgreSQL";

    private static bool IsSqlite => Provider == "Sqlite";

    private static readonly string SqliteFolder = Path.Combine(Path.GetTempPath(), "rc-test-sqlite");

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

    /// <summary>A database that cannot be reached, the way a stopped server or a lost file looks to the portal.</summary>
    public static string UnreachableConnectionString => IsSqlite
        ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(SqliteFolder, $"missing-{Guid.NewGuid():N}.db"), Mode = SqliteOpenMode.ReadOnly }.ConnectionString
        // Nothing listens on port 1.
        : "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=2";

    public static async Task<string> CreateAsync()
    {
        var template = await EnsureTemplateAsync();
        if (IsSqlite)
        {
            var file = Path.Combine(SqliteFolder, $"{Prefix}{RunId}_{Interlocked.Increment(ref counter)}.db");
            File.Copy(template, file);
            return SqliteConnectionStringFor(file);
        }
        var name = $"{Prefix}{RunId}_{Interlocked.Increment(ref counter)}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return ConnectionStringFor(name);
    }

    public static async Task DropAsync(string connectionString)
    {
        if (IsSqlite)
        {
            SqliteConnection.ClearAllPools();
            var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
            return;
        }
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        // A server process of another role (autovacuum on a busy machine) cannot be ended by the test role; it
        // finishes on its own within moments, so the drop is tried again before the cleanup gives up.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 10)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt));
            }
        }
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
            if (templateName is null && IsSqlite)
            {
                templateName = await CreateSqliteTemplateAsync();
            }
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

    private static string SqliteConnectionStringFor(string file) =>
        new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ConnectionString;

    /// <summary>A migrated, seeded file every fixture copies; its write-ahead log is folded in first so one file is whole.</summary>
    private static async Task<string> CreateSqliteTemplateAsync()
    {
        Directory.CreateDirectory(SqliteFolder);
        var cutoff = DateTimeOffset.UtcNow - LeftoverAge;
        foreach (var leftover in Directory.GetFiles(SqliteFolder, Prefix + "*").Where(f => StartedBefore(Path.GetFileName(f), cutoff)))
        {
            File.Delete(leftover);
        }
        var file = Path.Combine(SqliteFolder, $"{Prefix}{RunId}_template.db");
        await using (var factory = new PortalFactory(SqliteConnectionStringFor(file), migrate: true))
        {
            await Baseline.SeedAsync(factory.Services);
        }
        SqliteConnection.ClearAllPools();
        await using (var connection = new SqliteConnection(SqliteConnectionStringFor(file)))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;";
            await checkpoint.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        return file;
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
