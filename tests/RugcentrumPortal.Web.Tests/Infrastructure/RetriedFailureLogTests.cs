using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Data;

namespace RugcentrumPortal.Web.Tests.Infrastructure;

/// <summary>
/// What the operators' log says about a lost database connection: a failure the retry rides out is a warning, the
/// failure after the last retry an error, so an alert on errors fires for an outage and not for every restart.
/// SQLite has no server connection to lose; there nothing fails and nothing is logged.
/// </summary>
public class RetriedFailureLogTests(ConnectionCuttingPortal portal) : IClassFixture<ConnectionCuttingPortal>
{
    private const string CountPatients = "FROM \"Patients\"";

    private static bool OnPostgreSql => TestDatabase.Provider != "Sqlite";

    [Fact]
    public async Task A_statement_that_loses_its_connection_and_succeeds_on_the_retry_is_logged_as_a_warning_not_an_error()
    {
        var logged = portal.Log.Entries.Count;
        portal.CutBefore(sql => sql.Contains(CountPatients, StringComparison.Ordinal));

        var patients = await CountPatientsAsync();

        Assert.True(patients > 0);
        var failures = Failures(logged);
        Assert.Equal(OnPostgreSql ? [LogLevel.Warning] : [], failures.Select(f => f.Level));
        Assert.DoesNotContain(portal.Log.Entries.Skip(logged), e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_statement_that_still_fails_after_the_last_retry_is_logged_as_an_error_once()
    {
        if (!OnPostgreSql)
        {
            return;
        }
        var logged = portal.Log.Entries.Count;
        portal.CutBefore(sql => sql.Contains(CountPatients, StringComparison.Ordinal), times: Retries.MaxRetryCount + 1);

        await Assert.ThrowsAsync<RetryLimitExceededException>(CountPatientsAsync);

        var failures = Failures(logged);
        Assert.Equal([.. Enumerable.Repeat(LogLevel.Warning, Retries.MaxRetryCount), LogLevel.Error], failures.Select(f => f.Level));
    }

    private async Task<int> CountPatientsAsync()
    {
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Patients.CountAsync();
    }

    /// <summary>The failed statements and connections the portal logged since entry <paramref name="from"/>.</summary>
    private List<AccessLog.LogEntry> Failures(int from) =>
        [.. portal.Log.Entries.Skip(from).Where(e => e.Category == typeof(DatabaseFailureLog).FullName && e.EventId.Id is 8002 or 8003 or 8004)];
}
