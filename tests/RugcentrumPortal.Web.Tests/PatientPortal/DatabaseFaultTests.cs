using System.Net;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;
using static RugcentrumPortal.Web.Tests.PatientPortal.PortalTestData;

namespace RugcentrumPortal.Web.Tests.PatientPortal;

/// <summary>
/// A log posted while the database cannot take it for longer than the portal waits (an SQLite file locked by another
/// writer, a PostgreSQL database that refuses connections) gets the friendly error page; the same form sent again
/// once the database is back saves the log exactly once. A moment's loss, as in a PostgreSQL restart, costs the
/// patient nothing: the portal tries again on a new connection.
/// </summary>
public class DatabaseFaultTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Form = "form:has(button[aria-label='Gedaan: Kin intrekken'])";

    [Fact]
    public async Task A_log_refused_by_a_database_that_stays_away_shows_a_friendly_page_and_a_resubmit_saves_it_once()
    {
        if (TestDatabase.Provider == "Sqlite")
        {
            // Wait one second for a lock instead of thirty, so the locked file shows within the test.
            portal.WithSetting("ConnectionStrings:Portal", portal.ConnectionString + ";Default Timeout=1");
        }
        using var client = portal.CreatePortalClient();
        var page = await TodayWithPlanAsync(client);

        HttpResponseMessage refused;
        await using (await KeepDatabaseAwayAsync())
        {
            refused = await client.SubmitAsync(page, Form, []);
        }
        var failure = await client.FollowAsync(refused);

        Assert.Equal(HttpStatusCode.InternalServerError, failure.Status);
        Assert.Contains("Er ging iets mis", failure.Text);
        Assert.DoesNotContain("Exception", failure.Text);
        Assert.Equal(0, await LogCountAsync());

        var retried = await client.SubmitAsync(page, Form, []);
        await client.SubmitAsync(page, Form, []);

        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.Equal(1, await LogCountAsync());
    }

    [Fact]
    public async Task A_log_posted_just_after_the_database_dropped_every_connection_is_saved_once_without_an_error_page()
    {
        using var client = portal.CreatePortalClient();
        var page = await TodayWithPlanAsync(client);

        await CutEveryConnectionAsync();
        var posted = await client.SubmitAsync(page, Form, []);
        await client.SubmitAsync(page, Form, []);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.FollowAsync(posted)).Status);
        Assert.Equal(1, await LogCountAsync());
    }

    private async Task<Page> TodayWithPlanAsync(PortalClient client)
    {
        await portal.ResetAsync();
        await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, At(Monday.AddDays(-7)), TestPlans.Exercise("chin-tuck", perDay: 2, sets: 2, reps: 10));
        await client.LoginAsync(Baseline.NoordPatient);
        return await client.GetPageAsync("/mijn");
    }

    private Task<int> LogCountAsync() => portal.WithDbAsync(db => db.SessionLogs.CountAsync(l => l.PatientId == Baseline.NoordPatientId));

    private Task<IAsyncDisposable> KeepDatabaseAwayAsync() => DatabaseOutage.KeepAwayAsync(portal.ConnectionString);

    private Task CutEveryConnectionAsync() => DatabaseOutage.CutEveryConnectionAsync(portal.ConnectionString);
}
