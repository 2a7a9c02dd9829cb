using System.Net;

namespace RugcentrumPortal.Web.Tests.Infrastructure;

public class SiteTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Every_page_carries_the_security_headers_and_only_styles_may_be_inline()
    {
        using var client = portal.CreatePortalClient();

        var response = await client.GetAsync("/account/inloggen");

        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("script-src 'self'", directives);
        Assert.Contains("connect-src 'self'", directives);
        Assert.Contains("style-src 'self' 'unsafe-inline'", directives);
        Assert.Single(directives, d => d.Contains("unsafe", StringComparison.Ordinal));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Pages_with_patient_data_are_never_cached()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);

        var response = await client.GetAsync($"/patienten/{Baseline.NoordPatientId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Workspace_pages_load_the_live_connection_script_and_no_inline_script()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);

        var page = await client.GetPageAsync("/overzicht");

        Assert.All(page.Document.Scripts, script => Assert.False(string.IsNullOrEmpty(script.Source), "inline script found"));
        Assert.Contains(page.Document.Scripts, script => script.Source!.EndsWith("_framework/blazor.web.js", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_patients_own_pages_stay_plain_pages_without_the_live_connection_script()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);

        var page = await client.GetPageAsync("/mijn");

        Assert.All(page.Document.Scripts, script => Assert.False(string.IsNullOrEmpty(script.Source), "inline script found"));
        Assert.DoesNotContain(page.Document.Scripts, script => script.Source!.Contains("blazor", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Unknown_address_gives_a_dutch_404_page()
    {
        using var client = portal.CreatePortalClient();

        var page = await client.GetPageAsync("/deze/pagina/bestaat/niet");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Pagina niet gevonden", page.Text);
        Assert.Equal("nl", page.Document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Healthz_reports_a_healthy_database()
    {
        using var client = portal.CreatePortalClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Language_switch_turns_the_portal_english_and_remembers_it()
    {
        using var client = portal.CreatePortalClient();
        var login = await client.GetPageAsync("/account/inloggen");

        var english = await client.SubmitAndFollowAsync(login, "form.language-switch", [], "culture", "en");

        Assert.Equal("/account/inloggen", english.Url.AbsolutePath);
        Assert.Equal("en", english.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Log in", english.Document.QuerySelector("h1")?.TextContent);
        var again = await client.GetPageAsync("/niet-gevonden");
        Assert.Contains("Page not found", again.Text);
    }

    [Fact]
    public async Task Language_switch_ignores_a_return_address_on_another_site()
    {
        using var client = portal.CreatePortalClient();
        var login = await client.GetPageAsync("/account/inloggen");

        var response = await client.SubmitAsync(login, "form.language-switch", new() { ["returnUrl"] = "//evil.example/" }, "culture", "en");

        Assert.Equal("/", response.Headers.Location?.ToString());
    }
}

public class BrokenDatabaseTests : IAsyncLifetime
{
    private readonly PortalFactory portal = new();

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)portal).InitializeAsync();
        // Every query fails the way it would when the database is down.
        portal.WithSetting("ConnectionStrings:Portal", TestDatabase.UnreachableConnectionString);
    }

    public Task DisposeAsync() => ((IAsyncLifetime)portal).DisposeAsync();

    [Fact]
    public async Task Healthz_reports_unhealthy_when_the_database_is_down()
    {
        using var client = portal.CreatePortalClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task A_server_error_shows_a_friendly_page_without_a_stack_trace()
    {
        using var client = portal.CreatePortalClient();

        // Even the sign-in form fails: the keys that protect it are kept in the database.
        var failed = await client.FollowAsync(await client.GetAsync("/account/inloggen"));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.Status);
        Assert.Contains("Er ging iets mis", failed.Text);
        Assert.DoesNotContain("Exception", failed.Text);
        Assert.DoesNotContain(" at ", failed.Text);
    }
}
