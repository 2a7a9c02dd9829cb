using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Tests.Accounts;

/// <summary>Password guessing is slowed down per account, never turned into a lock anyone can set. Its own portal: the counts are kept in its database.</summary>
public class LoginThrottleTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Five_wrong_passwords_make_the_next_try_wait_even_with_the_right_password_yet_lock_nothing()
    {
        using var stranger = portal.CreatePortalClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await stranger.LoginAsync(Baseline.ZuidPatient, "verkeerd-wachtwoord-" + attempt);
        }

        var page = await stranger.LoginAsync(Baseline.ZuidPatient);

        Assert.Contains("Er is te vaak een verkeerd wachtwoord gebruikt voor dit e-mailadres. Wacht een minuut", page.Text);
        Assert.Equal("/account/inloggen", page.Url.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync("/mijn")).StatusCode);
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.False(await users.IsLockedOutAsync((await users.FindByEmailAsync(Baseline.ZuidPatient))!));
    }

    [Fact]
    public async Task A_strangers_wrong_passwords_do_not_slow_down_the_person_on_their_own_browser()
    {
        using var own = portal.CreatePortalClient();
        var home = await own.LoginAsync(Baseline.NoordPatient);
        await own.SubmitAndFollowAsync(home, "form[action='account/uitloggen']", []);
        using var stranger = portal.CreatePortalClient();
        for (var attempt = 0; attempt < 7; attempt++)
        {
            await stranger.LoginAsync(Baseline.NoordPatient, "geraden-wachtwoord-" + attempt);
        }

        var again = await own.LoginAsync(Baseline.NoordPatient);

        Assert.Equal("/mijn", again.Url.AbsolutePath);
    }

    [Fact]
    public async Task An_unknown_address_is_slowed_down_exactly_like_a_known_one()
    {
        using var client = portal.CreatePortalClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var answer = await client.LoginAsync("niemand@nergens.test", "iets-" + attempt);
            Assert.Contains("Het e-mailadres of wachtwoord klopt niet", answer.Text);
        }

        var page = await client.LoginAsync("niemand@nergens.test", "nog-iets");

        Assert.Contains("Er is te vaak een verkeerd wachtwoord gebruikt voor dit e-mailadres", page.Text);
    }
}
