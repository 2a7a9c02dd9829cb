using Microsoft.Data.Sqlite;
using Npgsql;

namespace RugcentrumPortal.TestSupport;

/// <summary>
/// The portal's database going away while a test runs. SQLite: another writer holds the file. PostgreSQL: the
/// database refuses new connections and every connection the portal holds is cut, as in a longer outage; or only the
/// connections are cut, as in a restart.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>Keeps the database away until the returned handle is disposed.</summary>
    public static async Task<IAsyncDisposable> KeepAwayAsync(string connectionString)
    {
        if (TestDatabase.Provider == "Sqlite")
        {
            var writer = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            await writer.OpenAsync();
            await using var begin = writer.CreateCommand();
            begin.CommandText = "BEGIN EXCLUSIVE;";
            await begin.ExecuteNonQueryAsync();
            return writer;
        }
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await OnServerAsync($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS false");
        await CutEveryConnectionAsync(connectionString);
        return new LetBackIn(() => OnServerAsync($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS true"));
    }

    /// <summary>What a PostgreSQL restart does to the portal's pooled connections. SQLite has none to lose.</summary>
    public static async Task CutEveryConnectionAsync(string connectionString)
    {
        if (TestDatabase.Provider == "Sqlite")
        {
            return;
        }
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await OnServerAsync($"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid()");
    }

    private static async Task OnServerAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestDatabase.ServerConnectionString) { Pooling = false }.ConnectionString);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteScalarAsync();
    }

    private sealed class LetBackIn(Func<Task> undo) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await undo();
    }
}
