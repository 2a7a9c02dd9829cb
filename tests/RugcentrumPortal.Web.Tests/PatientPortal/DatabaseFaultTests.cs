using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RugcentrumPortal.Data;
using static RugcentrumPortal.Web.Tests.PatientPortal.PortalTestData;

namespace RugcentrumPortal.Web.Tests.PatientPortal;

/// <summary>
/// A log posted while the database cannot take it (an SQLite file locked by another writer, PostgreSQL connections
/// lost) gets the friendly error page; the same form sent again once the database is back saves the log exactly once.
/// </summary>
public class DatabaseFaultTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_log_refused_by_a_locked_or_lost_database_shows_a_friendly_page_and_a_resubmit_saves_it_once()
    {
        if (TestDatabase.Provider == "Sqlite")
        {
            // Wait one second for a lock instead of thirty, so the locked file shows within the test.
            portal.WithSetting("ConnectionStrings:Portal", portal.ConnectionString + ";Default Timeout=1");
        }
        await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, At(Monday.AddDays(-7)), TestPlans.Exercise("chin-tuck", perDay: 2, sets: 2, reps: 10));
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);
        var page = await client.GetPageAsync("/mijn");
        var form = "form:has(button[aria-label='Gedaan: Kin intrekken'])";

        HttpResponseMessage refused;
        await using (await BreakDatabaseAsync())
        {
            refused = await client.SubmitAsync(page, form, []);
        }
        var failure = await client.FollowAsync(refused);

        Assert.Equal(HttpStatusCode.InternalServerError, failure.Status);
        Assert.Contains("Er ging iets mis", failure.Text);
        Assert.DoesNotContain("Exception", failure.Text);
        Assert.Equal(0, await LogCountAsync());

        var retried = await ResubmitUntilSavedAsync(client, page, form);
        await client.SubmitAsync(page, form, []);

        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.Equal(1, await LogCountAsync());
    }

    /// <summary>A PostgreSQL connection lost mid-use can cost a pooled connection or two more; a patient simply presses again.</summary>
    private static async Task<HttpResponseMessage> ResubmitUntilSavedAsync(PortalClient client, Page page, string form)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await client.SubmitAsync(page, form, []);
            if (response.StatusCode == HttpStatusCode.Redirect || attempt == 5)
            {
                return response;
            }
        }
    }

    private Task<int> LogCountAsync() => portal.WithDbAsync(db => db.SessionLogs.CountAsync(l => l.PatientId == Baseline.NoordPatientId));

    /// <summary>SQLite: another writer holds the file. PostgreSQL: every connection of the portal is cut.</summary>
    private async Task<IAsyncDisposable> BreakDatabaseAsync()
    {
        if (TestDatabase.Provider == "Sqlite")
        {
            var writer = new SqliteConnection(new SqliteConnectionStringBuilder(portal.ConnectionString) { Pooling = false }.ConnectionString);
            await writer.OpenAsync();
            await using var begin = writer.CreateCommand();
            begin.CommandText = "BEGIN EXCLUSIVE;";
            await begin.ExecuteNonQueryAsync();
            return writer;
        }
        await using var admin = new NpgsqlConnection(portal.ConnectionString);
        await admin.OpenAsync();
        await using var cut = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND usename = current_user AND pid <> pg_backend_pid()", admin);
        await cut.ExecuteScalarAsync();
        return NothingToRestore.Instance;
    }

    private sealed class NothingToRestore : IAsyncDisposable
    {
        public static readonly NothingToRestore Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
