using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Infrastructure.Security;
using RugcentrumPortal.Web.Tests.AccessLog;

namespace RugcentrumPortal.Web.Tests.Accounts;

/// <summary>
/// Passkeys through real form posts: what a browser without a real authenticator, or someone forging one, can and
/// cannot do. Signing in with a real passkey is shown in the browser tests (PasskeyJourneyTests).
/// </summary>
public class PasskeyTests(LoggedPortal portal) : IClassFixture<LoggedPortal>
{
    private const string PasskeyLoginForm = "form[method=post]:has(input[name='Credential'])";
    private const string AddForm = "form[method=post]:has(input[name='Add.Credential'])";
    private const string RemoveForm = "form[method=post]:has(button[name='RemoveId'])";
    private const string SecurityPage = "/account/tweestaps-instellen";

    [Fact]
    public async Task The_login_page_offers_a_passkey_only_to_browsers_that_can_use_one()
    {
        using var client = portal.CreatePortalClient();

        var page = await client.GetPageAsync("/account/inloggen");

        var passkeyPart = page.Document.QuerySelector("[data-passkey]")!;
        Assert.True(passkeyPart.HasAttribute("hidden"));
        Assert.Contains("Inloggen met een passkey", passkeyPart.TextContent);
        Assert.NotNull(page.Document.QuerySelector(PasskeyLoginForm + " input[name='__RequestVerificationToken']"));
    }

    [Fact]
    public async Task Options_for_the_browsers_prompt_need_the_pages_antiforgery_token_and_ask_for_a_verified_user()
    {
        var (client, http) = NewClient();
        using var _ = client;
        var page = await client.GetPageAsync("/account/inloggen");

        var without = await http.PostAsync("/account/passkey/inlog-opties", new FormUrlEncodedContent([]));
        var with = await PostOptionsAsync(http, page);

        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        using var options = JsonDocument.Parse(await with.Content.ReadAsStringAsync());
        Assert.Equal("required", options.RootElement.GetProperty("userVerification").GetString());
        Assert.True(options.RootElement.GetProperty("challenge").GetString()!.Length >= 16);
    }

    [Fact]
    public async Task A_forged_answer_for_a_real_passkey_is_refused_with_a_clear_message_and_signs_nobody_in()
    {
        var owner = await UserAsync(Baseline.NoordTherapist);
        var credentialId = await SeedPasskeyAsync(owner, "Telefoon");
        var (client, http) = NewClient();
        using var _ = client;
        var page = await client.GetPageAsync("/account/inloggen");
        using var options = JsonDocument.Parse(await (await PostOptionsAsync(http, page)).Content.ReadAsStringAsync());
        var before = portal.Log.Entries.Count;

        var answer = await client.SubmitAndFollowAsync(page, PasskeyLoginForm, new()
        {
            ["Credential"] = ForgedAssertion(credentialId, owner.Id, options.RootElement.GetProperty("challenge").GetString()!),
        });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("Inloggen met deze passkey lukt niet", answer.Text);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/patienten")).StatusCode);
        Assert.Contains(portal.Log.Entries.Skip(before), e => e.Category == SecurityEvents.Category && e.EventId.Id == 9024);
    }

    [Theory]
    [InlineData("this is not what a browser sends")]
    [InlineData("{}")]
    [InlineData("{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{}}")]
    public async Task An_answer_without_a_sign_in_under_way_or_that_makes_no_sense_is_refused_not_an_error(string credential)
    {
        using var client = portal.CreatePortalClient();
        var page = await client.GetPageAsync("/account/inloggen");

        var answer = await client.SubmitAndFollowAsync(page, PasskeyLoginForm, new() { ["Credential"] = credential });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("Inloggen met deze passkey lukt niet", answer.Text);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/patienten")).StatusCode);
    }

    [Fact]
    public async Task The_security_page_lists_only_ones_own_passkeys_with_when_they_were_added()
    {
        var mine = await UserAsync(Baseline.NoordSecondTherapist);
        await SeedPasskeyAsync(mine, "Werkplek balie");
        await SeedPasskeyAsync(await UserAsync(Baseline.NoordAdmin), "Laptop van de beheerder");
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordSecondTherapist);

        var page = await client.GetPageAsync(SecurityPage);

        var names = page.Document.QuerySelectorAll("#passkey-list .passkey-name").Select(n => n.TextContent).ToList();
        Assert.Contains("Werkplek balie", names);
        Assert.DoesNotContain("Laptop van de beheerder", names);
        Assert.Contains("Toegevoegd op", page.Document.QuerySelector("#passkey-list")!.TextContent);
    }

    [Fact]
    public async Task Nobody_removes_another_persons_passkey()
    {
        var other = await UserAsync(Baseline.ZuidTherapist);
        var othersPasskey = await SeedPasskeyAsync(other, "Telefoon Zuid");
        var me = await UserAsync(Baseline.NoordAdmin);
        await SeedPasskeyAsync(me, "Mijn sleutel");
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordAdmin);
        var page = await client.GetPageAsync(SecurityPage);

        var answer = await client.SubmitAndFollowAsync(page, RemoveForm, [], "RemoveId", Base64Url.EncodeToString(othersPasskey));

        Assert.Contains("Deze passkey is niet gevonden. Er is niets veranderd.", answer.Text);
        Assert.Contains(await PasskeyNamesAsync(other), n => n == "Telefoon Zuid");
        Assert.Contains(await PasskeyNamesAsync(me), n => n == "Mijn sleutel");
    }

    [Fact]
    public async Task Adding_a_passkey_with_the_wrong_password_adds_nothing()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);
        var patient = await UserAsync(Baseline.NoordPatient);
        var before = (await PasskeyNamesAsync(patient)).Count;
        var page = await client.GetPageAsync(SecurityPage);
        Assert.Equal(HttpStatusCode.OK, page.Status);

        var answer = await client.SubmitAndFollowAsync(page, AddForm, new()
        {
            ["Add.Name"] = "Tablet",
            ["Add.Password"] = "niet-het-goede-wachtwoord",
            ["Add.Credential"] = "{}",
        });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("Het wachtwoord klopt niet. De passkey is niet toegevoegd.", answer.Text);
        Assert.Equal(before, (await PasskeyNamesAsync(patient)).Count);
    }

    [Fact]
    public async Task A_made_up_new_passkey_with_the_right_password_is_refused_and_adds_nothing()
    {
        var (client, http) = NewClient();
        using var _ = client;
        await client.LoginAsync(Baseline.NoordPatient);
        var patient = await UserAsync(Baseline.NoordPatient);
        var before = (await PasskeyNamesAsync(patient)).Count;
        var page = await client.GetPageAsync(SecurityPage);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(HttpStatusCode.OK, (await PostOptionsAsync(http, page, "/account/passkey/nieuw-opties", AddForm)).StatusCode);

        var answer = await client.SubmitAndFollowAsync(page, AddForm, new()
        {
            ["Add.Name"] = "Tablet",
            ["Add.Password"] = Baseline.Password,
            ["Add.Credential"] = "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"e30\",\"attestationObject\":\"oA\"}}",
        });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("De passkey kon niet worden toegevoegd. Er is niets veranderd.", answer.Text);
        Assert.Equal(before, (await PasskeyNamesAsync(patient)).Count);
    }

    private (PortalClient Client, HttpClient Http) NewClient()
    {
        var cookies = new CookieContainerHandler();
        var http = portal.CreateDefaultClient(new Uri("https://localhost"), cookies);
        return (new PortalClient(http, cookies.Container), http);
    }

    private static Task<HttpResponseMessage> PostOptionsAsync(HttpClient http, Page page, string path = "/account/passkey/inlog-opties", string form = PasskeyLoginForm)
    {
        var token = page.Document.QuerySelector(form + " input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        return http.PostAsync(path, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
    }

    private async Task<ApplicationUser> UserAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
    }

    /// <summary>A stored passkey as Identity keeps one; its key pair exists nowhere, so nobody can really use it.</summary>
    private async Task<byte[]> SeedPasskeyAsync(ApplicationUser owner, string name)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(owner.Id))!;
        var credentialId = Guid.NewGuid().ToByteArray();
        var passkey = new UserPasskeyInfo(credentialId, Encoding.ASCII.GetBytes("not a real public key"), DateTimeOffset.UtcNow, 0, ["internal"], true, false, false, [], [])
        {
            Name = name,
        };
        Assert.True((await users.AddOrUpdatePasskeyAsync(user, passkey)).Succeeded);
        return credentialId;
    }

    private async Task<List<string?>> PasskeyNamesAsync(ApplicationUser owner)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return (await users.GetPasskeysAsync((await users.FindByIdAsync(owner.Id))!)).Select(p => p.Name).ToList();
    }

    /// <summary>What a browser would send for this passkey and challenge, but with a signature nobody made.</summary>
    private static string ForgedAssertion(byte[] credentialId, string userId, string challenge)
    {
        var clientData = JsonSerializer.SerializeToUtf8Bytes(new { type = "webauthn.get", challenge, origin = "https://localhost", crossOrigin = false });
        var authenticatorData = new byte[37];
        System.Security.Cryptography.SHA256.HashData("localhost"u8).CopyTo(authenticatorData, 0);
        authenticatorData[32] = 0x05; // user present and verified
        authenticatorData[36] = 9;
        var id = Base64Url.EncodeToString(credentialId);
        return JsonSerializer.Serialize(new
        {
            id,
            rawId = id,
            type = "public-key",
            clientExtensionResults = new { },
            response = new
            {
                clientDataJSON = Base64Url.EncodeToString(clientData),
                authenticatorData = Base64Url.EncodeToString(authenticatorData),
                signature = Base64Url.EncodeToString(new byte[70]),
                userHandle = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(userId)),
            },
        });
    }
}
