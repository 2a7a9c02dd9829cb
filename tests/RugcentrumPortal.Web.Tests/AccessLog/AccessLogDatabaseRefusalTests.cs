using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace RugcentrumPortal.Web.Tests.AccessLog;

/// <summary>
/// The database itself refuses to change or remove access log lines, also for a connection that never passes through
/// the application's own guard (a plain connection, as a database tool or a script would open).
/// </summary>
public class AccessLogDatabaseRefusalTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("""UPDATE "AccessLog" SET "UserName" = 'Iemand anders'""")]
    [InlineData("""DELETE FROM "AccessLog" """)]
    public async Task A_plain_connection_cannot_change_or_remove_a_line(string sql)
    {
        await AccessLogTestKit.RecordAsync(portal, Baseline.NoordTherapist, Baseline.NoordPatientId, "Vastgelegd");
        var before = await ScalarAsync("""SELECT COUNT(*) FROM "AccessLog" WHERE "UserName" = 'Tom Therapeut'""");

        var refused = await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(sql));

        Assert.Contains("append-only", refused.Message);
        Assert.Equal(before, await ScalarAsync("""SELECT COUNT(*) FROM "AccessLog" WHERE "UserName" = 'Tom Therapeut'"""));
        Assert.True(before > 0);
    }

    [Fact]
    public async Task A_plain_connection_cannot_empty_the_table_on_postgresql()
    {
        if (TestDatabase.Provider == "Sqlite")
        {
            return; // SQLite has no TRUNCATE; its DELETE is refused above.
        }
        await AccessLogTestKit.RecordAsync(portal, Baseline.NoordTherapist, Baseline.NoordPatientId, "Vastgelegd");

        var refused = await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync("""TRUNCATE "AccessLog" """));

        Assert.Contains("append-only", refused.Message);
        Assert.NotEqual(0L, await ScalarAsync("""SELECT COUNT(*) FROM "AccessLog" """));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private DbConnection Open() => TestDatabase.Provider == "Sqlite"
        ? new SqliteConnection(portal.ConnectionString)
        : new NpgsqlConnection(portal.ConnectionString);
}
