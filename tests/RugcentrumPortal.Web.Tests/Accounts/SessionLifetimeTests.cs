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
