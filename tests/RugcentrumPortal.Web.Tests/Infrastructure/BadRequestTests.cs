using System.Net;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Infrastructure;

namespace RugcentrumPortal.Web.Tests.Infrastructure;

/// <summary>
/// A value in the address that cannot be read is the visitor's mistake, not the server's: 400 with the friendly
/// status page, never a 500.
/// </summary>
public class BadRequestTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string Title = "Dit adres klopt niet";
    private RecoveryPlan plan = default!;

    public async Task InitializeAsync() => plan = await TestPlans.ActiveAsync(portal, Baseline.NoordPatientId, ["chin-tuck", "bridge"]);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_page_number_that_is_not_a_number_answers_400_with_the_friendly_page()
    {
        var page = await GetAsAsync(Baseline.NoordTherapist, "/patienten?pagina=abc");

        AssertFriendlyBadRequest(page);
    }

    [Fact]
    public async Task The_deleted_notice_with_a_value_that_is_not_yes_or_no_answers_400_with_the_friendly_page()
    {
        // The builder's library no longer reads the address ("?alle="); the templates page still reads a yes or no.
        var page = await GetAsAsync(Baseline.NoordTherapist, "/plannen/sjablonen?verwijderd=abc");

        AssertFriendlyBadRequest(page);
    }

    [Fact]
    public async Task A_plan_version_that_is_not_an_id_on_the_print_page_answers_400_with_the_friendly_page()
    {
        var page = await GetAsAsync(Baseline.NoordTherapist, $"/patienten/{Baseline.NoordPatientId}/plan/afdrukken?versie=abc");

        AssertFriendlyBadRequest(page);
    }

    [Fact]
    public async Task A_plan_version_that_is_not_an_id_on_the_pdf_download_answers_400_with_the_friendly_page()
    {
        var page = await GetAsAsync(Baseline.NoordTherapist, $"/patienten/{Baseline.NoordPatientId}/plan/pdf?versie=abc");

        AssertFriendlyBadRequest(page);
    }

    [Fact]
    public async Task A_done_confirmation_that_is_not_yes_or_no_on_the_patients_home_answers_400_with_the_friendly_page()
    {
        var page = await GetAsAsync(Baseline.NoordPatient, "/mijn?gedaan=x");

        AssertFriendlyBadRequest(page);
    }

    [Fact]
    public async Task A_search_term_with_a_nul_character_answers_400_with_the_friendly_page()
    {
        var page = await GetAsAsync(Baseline.NoordTherapist, "/patienten?zoek=a%00b");

        AssertFriendlyBadRequest(page);
    }

    [Fact]
    public async Task The_friendly_page_speaks_english_to_who_chose_english()
    {
        using var client = portal.CreatePortalClient();
        var login = await client.GetPageAsync("/account/inloggen");
        await client.SubmitAsync(login, "form.language-switch", [], "culture", "en");
        await client.LoginAsync(Baseline.NoordTherapist);

        var page = await client.GetPageAsync("/patienten?pagina=abc");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("This address is not right", page.Text);
    }

    [Fact]
    public async Task A_correct_address_still_works()
    {
        var page = await GetAsAsync(Baseline.NoordTherapist, "/patienten?pagina=1&zoek=piet");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Proef, Piet", page.Text);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("/patienten\r\nSet-Cookie: x=1")]
    [InlineData("/patiënten")]
    [InlineData("patienten")]
    public async Task The_language_switch_sends_a_bad_return_address_home_instead_of_failing_or_leaving_the_site(string returnUrl)
    {
        using var client = portal.CreatePortalClient();
        var login = await client.GetPageAsync("/account/inloggen");

        var response = await client.SubmitAsync(login, "form.language-switch", new() { ["returnUrl"] = returnUrl }, "culture", "en");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.FollowAsync(response)).Status);
    }

    [Fact]
    public async Task The_language_switch_refuses_a_return_address_with_a_nul_character_with_the_friendly_page()
    {
        using var client = portal.CreatePortalClient();
        var login = await client.GetPageAsync("/account/inloggen");

        var page = await client.FollowAsync(await client.SubmitAsync(login, "form.language-switch", new() { ["returnUrl"] = "/patienten\u0000" }, "culture", "en"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Naar de startpagina", page.Text);
        Assert.DoesNotContain("Exception", page.Text);
    }

    [Fact]
    public async Task A_route_value_that_does_not_fit_its_constraint_is_a_page_not_found()
    {
        var page = await GetAsAsync(Baseline.NoordTherapist, "/patienten/geen-id/uitnodiging");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Pagina niet gevonden", page.Text);
    }

    [Fact]
    public void Only_the_exception_of_blazors_query_value_conversion_counts_as_a_malformed_address()
    {
        InvalidOperationException lookalike;
        try
        {
            throw new InvalidOperationException("Cannot parse the value 'abc' as type 'System.Int32' for 'pagina'.");
        }
        catch (InvalidOperationException exception)
        {
            lookalike = exception;
        }

        Assert.False(MalformedRequests.IsUnreadableQueryValue(lookalike));
    }

    private async Task<Page> GetAsAsync(string email, string url)
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(email);
        return await client.GetPageAsync(url);
    }

    private static void AssertFriendlyBadRequest(Page page)
    {
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(Title, page.Text);
        Assert.Contains("Naar de startpagina", page.Text);
        Assert.DoesNotContain("Exception", page.Text);
    }
}
