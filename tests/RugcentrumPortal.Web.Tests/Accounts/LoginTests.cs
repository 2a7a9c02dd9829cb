using System.Net;

namespace RugcentrumPortal.Web.Tests.Accounts;

public class LoginTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Therapist_with_the_right_password_lands_on_their_overview()
    {
        using var client = portal.CreatePortalClient();

        var page = await client.LoginAsync(Baseline.NoordTherapist);

        Assert.Equal("/overzicht", page.Url.AbsolutePath);
        Assert.Contains("Tom Therapeut", page.Text);
    }

    [Fact]
    public async Task Patient_with_the_right_password_lands_on_their_own_portal()
    {
        using var client = portal.CreatePortalClient();

        var page = await client.LoginAsync(Baseline.NoordPatient);

        Assert.Equal("/mijn", page.Url.AbsolutePath);
        Assert.Contains("Goedendag Piet", page.Text);
    }

    [Fact]
    public async Task Wrong_password_shows_a_dutch_message_and_keeps_the_user_signed_out()
    {
        using var client = portal.CreatePortalClient();

        var page = await client.LoginAsync(Baseline.NoordSecondTherapist, "dit-is-niet-het-wachtwoord");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Het e-mailadres of wachtwoord klopt niet", page.Text);
        Assert.Equal(Baseline.NoordSecondTherapist, page.Document.QuerySelector("#login-email")?.GetAttribute("value"));
        var list = await client.GetAsync("/patienten");
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
    }

    [Fact]
    public async Task Empty_login_form_shows_field_messages()
    {
        using var client = portal.CreatePortalClient();

        var page = await client.LoginAsync("", "");

        Assert.Equal(2, page.Document.QuerySelectorAll(".validation-message").Count(m => m.TextContent.Contains("Dit veld is verplicht")));
    }

    [Fact]
    public async Task Login_returns_to_the_page_asked_for_after_the_code()
    {
        using var client = portal.CreatePortalClient();
        var login = await client.GetPageAsync("/patienten/nieuw");

        var codePage = await client.SubmitAndFollowAsync(login, "form[method=post]:has(input[name='Input.Password'])",
            new() { ["Input.Email"] = Baseline.NoordTherapist, ["Input.Password"] = Baseline.Password });
        var page = await client.EnterCodeAsync(codePage, Totp.Code(Baseline.AuthenticatorKey));

        Assert.Equal("/patienten/nieuw", page.Url.AbsolutePath);
    }

    [Fact]
    public async Task Login_never_redirects_to_another_site()
    {
        using var client = portal.CreatePortalClient();
        var login = await client.GetPageAsync("/account/inloggen?ReturnUrl=https%3A%2F%2Fevil.example%2F");

        var response = await client.SubmitAsync(login, "form[method=post]:has(input[name='Input.Password'])",
            new() { ["Input.Email"] = Baseline.NoordTherapist, ["Input.Password"] = Baseline.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("evil.example", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Login_post_without_antiforgery_token_is_refused()
    {
        using var client = portal.CreatePortalClient();

        var response = await client.Http.PostAsync("/account/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.Email"] = Baseline.NoordTherapist, ["Input.Password"] = Baseline.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("rugcentrum.auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Logout_is_a_post_that_ends_the_session()
    {
        using var client = portal.CreatePortalClient();
        var home = await client.LoginAsync(Baseline.NoordTherapist);

        var viaGet = await client.GetAsync("/account/uitloggen");
        Assert.NotEqual(HttpStatusCode.Redirect, viaGet.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/patienten")).StatusCode);

        var loggedOut = await client.SubmitAndFollowAsync(home, "form[action='account/uitloggen']", []);

        Assert.Equal("/account/inloggen", loggedOut.Url.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/patienten")).StatusCode);
    }

    [Fact]
    public async Task Auth_cookie_is_secure_http_only_and_same_site()
    {
        using var client = portal.CreatePortalClient();
        var login = await client.GetPageAsync("/account/inloggen");

        var response = await client.SubmitAsync(login, "form[method=post]:has(input[name='Input.Password'])",
            new() { ["Input.Email"] = Baseline.NoordPatient, ["Input.Password"] = Baseline.Password });

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("rugcentrum.auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", cookie);
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
    }
}
