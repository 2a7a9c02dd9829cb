namespace RugcentrumPortal.Web.Tests.Accounts;

/// <summary>A portal whose per-account reset limit is low enough to reach in a test, started twice over one database.</summary>
public sealed class TwoInstancePortal : PortalFactory
{
    public TwoInstancePortal() => WithSetting("Passwords:AttemptsPerAccountPerHour", "3");
}

/// <summary>
/// The per-account limits are the same on every instance: two portals over one database (as behind the proxy of
/// ADR 0027) do not give an attacker twice the guesses.
/// </summary>
public class SharedLimitsTests(TwoInstancePortal portal) : IClassFixture<TwoInstancePortal>
{
    [Fact]
    public async Task Wrong_passwords_spread_over_two_instances_slow_down_the_account_on_both()
    {
        await using var other = portal.AnotherInstance();
        using var onFirst = portal.CreatePortalClient();
        using var onSecond = other.CreatePortalClient();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await onFirst.LoginAsync(Baseline.ZuidPatient, "verkeerd-op-de-eerste-" + attempt);
        }
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await onSecond.LoginAsync(Baseline.ZuidPatient, "verkeerd-op-de-tweede-" + attempt);
        }

        var second = await onSecond.LoginAsync(Baseline.ZuidPatient);
        var first = await onFirst.LoginAsync(Baseline.ZuidPatient);

        Assert.Contains("Er is te vaak een verkeerd wachtwoord gebruikt voor dit e-mailadres", second.Text);
        Assert.Contains("Er is te vaak een verkeerd wachtwoord gebruikt voor dit e-mailadres", first.Text);
    }

    [Fact]
    public async Task Reset_requests_spread_over_two_instances_share_one_hourly_limit()
    {
        await using var other = portal.AnotherInstance();
        using var onFirst = portal.CreatePortalClient();
        using var onSecond = other.CreatePortalClient();
        var firstPage = await onFirst.GetPageAsync("/account/wachtwoord-vergeten");
        var secondPage = await onSecond.GetPageAsync("/account/wachtwoord-vergeten");
        for (var attempt = 0; attempt < 2; attempt++)
        {
            Assert.DoesNotContain(TooMany, (await onFirst.SubmitAndFollowAsync(firstPage, "form:has(#forgot-email)", new() { ["Input.Email"] = Baseline.NoordPatient })).Text);
        }
        Assert.DoesNotContain(TooMany, (await onSecond.SubmitAndFollowAsync(secondPage, "form:has(#forgot-email)", new() { ["Input.Email"] = Baseline.NoordPatient })).Text);

        var refused = await onSecond.SubmitAndFollowAsync(secondPage, "form:has(#forgot-email)", new() { ["Input.Email"] = Baseline.NoordPatient });

        Assert.Contains(TooMany, refused.Text);
        Assert.Contains(TooMany, (await onFirst.SubmitAndFollowAsync(firstPage, "form:has(#forgot-email)", new() { ["Input.Email"] = Baseline.NoordPatient })).Text);
    }

    private const string TooMany = "Wacht een uur";
}
