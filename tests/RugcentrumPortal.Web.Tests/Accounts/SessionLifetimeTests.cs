using System.Net;

namespace RugcentrumPortal.Web.Tests.Accounts;

/// <summary>A portal whose sessions would never sit idle long enough to time out, so only the absolute lifetime can end them.</summary>
public sealed class BusyDayPortal : PortalFactory
{
    public BusyDayPortal()
    {
        WithClock(new DateTimeOffset(2026, 3, 9, 7, 0, 0, TimeSpan.Zero));
        WithSetting("Sessions:Idle", "2.00:00:00");
    }
}

public class SessionLifetimeTests(BusyDayPortal portal) : IClassFixture<BusyDayPortal>
{
    [Fact]
    public async Task A_session_ends_after_twelve_hours_however_busy_it_was()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);

        for (var hour = 0; hour < 11; hour++)
        {
            portal.Clock!.Advance(TimeSpan.FromHours(1));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/patienten")).StatusCode);
        }
        portal.Clock!.Advance(TimeSpan.FromHours(1));

        var refused = await client.GetAsync("/patienten");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/inloggen", refused.Headers.Location!.AbsolutePath);
    }
}

/// <summary>A portal with the shipped idle timeout (30 minutes) on a clock the tests move.</summary>
public sealed class IdleDayPortal : PortalFactory
{
    public IdleDayPortal() => WithClock(new DateTimeOffset(2026, 3, 9, 7, 0, 0, TimeSpan.Zero));
}

public class SessionIdleTests(IdleDayPortal portal) : IClassFixture<IdleDayPortal>
{
    [Fact]
    public async Task A_therapist_working_on_live_pages_stays_signed_in_past_the_idle_time()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var workspace = await client.GetPageAsync("/patienten");
        Assert.NotNull(workspace.Document.QuerySelector("script[src*='still-here']"));

        // Clicking on live pages sends no requests; the page's script says the therapist is still there.
        portal.Clock!.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.NoContent, (await client.GetAsync("/account/actief")).StatusCode);
        portal.Clock!.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/patienten")).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_left_alone_ends_after_the_idle_time()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);

        portal.Clock!.Advance(TimeSpan.FromMinutes(31));

        var refused = await client.GetAsync("/patienten");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/inloggen", refused.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Saying_still_here_without_a_sign_in_signs_nobody_in()
    {
        using var client = portal.CreatePortalClient();

        var answer = await client.GetAsync("/account/actief");

        Assert.NotEqual(HttpStatusCode.NoContent, answer.StatusCode);
    }
}
