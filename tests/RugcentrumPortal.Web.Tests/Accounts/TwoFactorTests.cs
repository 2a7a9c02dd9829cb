using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Tests.Accounts;

/// <summary>Staff reach patient data only with a code from their authenticator app; patients may choose the same.</summary>
public class TwoFactorTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string PasswordForm = "form[method=post]:has(input[name='Input.Password'])";

    [Fact]
    public async Task A_therapist_with_only_the_right_password_is_asked_for_the_code_and_reaches_no_patients()
    {
        using var client = portal.CreatePortalClient();

        var page = await PasswordOnlyAsync(client, Baseline.NoordTherapist);

        Assert.Equal("/account/tweestaps", page.Url.AbsolutePath);
        Assert.Contains("Code uit de app", page.Text);
        var list = await client.GetAsync("/patienten");
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.StartsWith("/account/inloggen", list.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_wrong_code_gets_a_dutch_message_and_no_sign_in()
    {
        using var client = portal.CreatePortalClient();
        var codePage = await PasswordOnlyAsync(client, Baseline.NoordTherapist);

        var page = await client.EnterCodeAsync(codePage, WrongCode());

        Assert.Contains("Deze code klopt niet", page.Text);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/patienten")).StatusCode);
    }

    [Fact]
    public async Task A_code_that_signed_in_once_is_refused_the_second_time_with_the_usual_message()
    {
        var code = Totp.Code(Baseline.AuthenticatorKey);
        using var first = portal.CreatePortalClient();
        await first.EnterCodeAsync(await PasswordOnlyAsync(first, Baseline.ZuidTherapist), code);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/patienten")).StatusCode);

        using var second = portal.CreatePortalClient();
        var page = await second.EnterCodeAsync(await PasswordOnlyAsync(second, Baseline.ZuidTherapist), code);

        Assert.Contains("Deze code klopt niet", page.Text);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/patienten")).StatusCode);
    }

    /// <summary>
    /// With no wrong codes before, the one that loses changes the account (one more wrong code) and the winner does
    /// not; after wrong codes both would write the account and Identity may refuse both, which lets nobody in twice.
    /// </summary>
    [Fact]
    public async Task Two_posts_of_one_code_at_the_same_moment_sign_in_once()
    {
        using var one = portal.CreatePortalClient();
        using var other = portal.CreatePortalClient();
        var pages = new[] { await PasswordOnlyAsync(one, Baseline.NoordSecondTherapist), await PasswordOnlyAsync(other, Baseline.NoordSecondTherapist) };
        var sessionsBefore = await SessionCountAsync(Baseline.NoordSecondTherapist);
        var code = Totp.Code(Baseline.AuthenticatorKey);

        var answers = await Task.WhenAll(
            one.SubmitAsync(pages[0], "form[method=post]:has(input[name='Code.Value'])", new() { ["Code.Value"] = code }),
            other.SubmitAsync(pages[1], "form[method=post]:has(input[name='Code.Value'])", new() { ["Code.Value"] = code }));

        Assert.Single(answers, answer => answer.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(sessionsBefore + 1, await SessionCountAsync(Baseline.NoordSecondTherapist));
        var reachedPatients = new[] { await one.GetAsync("/patienten"), await other.GetAsync("/patienten") };
        Assert.Single(reachedPatients, answer => answer.StatusCode == HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_code_page_without_the_password_first_goes_back_to_the_login()
    {
        using var client = portal.CreatePortalClient();

        var page = await client.GetPageAsync("/account/tweestaps");

        Assert.Equal("/account/inloggen", page.Url.AbsolutePath);
    }

    [Fact]
    public async Task Someone_with_only_the_password_cannot_replace_an_app_already_set_up()
    {
        using var client = portal.CreatePortalClient();
        await PasswordOnlyAsync(client, Baseline.NoordSecondTherapist);

        var page = await client.GetPageAsync("/account/tweestaps-instellen");

        Assert.Equal("/account/inloggen", page.Url.AbsolutePath);
        Assert.Null(page.Document.QuerySelector("#authenticator-key"));
    }

    [Fact]
    public async Task A_new_colleague_sets_up_the_app_at_the_first_sign_in_and_keeps_ten_recovery_codes_that_each_work_once()
    {
        const string email = "nieuw.tweestaps@noord.test";
        await CreateTherapistAsync(email);
        using var client = portal.CreatePortalClient();

        var setup = await PasswordOnlyAsync(client, email);
        Assert.Equal("/account/tweestaps-instellen", setup.Url.AbsolutePath);
        Assert.StartsWith("data:image/png;base64,", setup.Document.QuerySelector("img[alt*='QR']")!.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/patienten")).StatusCode);
        var key = PortalClient.AuthenticatorKeyOn(setup);

        var wrong = await client.SubmitAndFollowAsync(setup, "form[method=post]:has(input[name='Confirm.Code'])", new() { ["Confirm.Code"] = WrongCode(key) });
        Assert.Contains("Deze code klopt niet", wrong.Text);
        var done = await client.SetUpAuthenticatorAsync(setup);

        var codes = done.Document.QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/patienten")).StatusCode);

        using var later = portal.CreatePortalClient();
        var codePage = await PasswordOnlyAsync(later, email);
        Assert.Equal("/account/tweestaps", codePage.Url.AbsolutePath);
        var withRecovery = await later.SubmitAndFollowAsync(codePage, "form[method=post]:has(input[name='Recovery.Value'])", new() { ["Recovery.Value"] = codes[0] });
        Assert.Equal("/overzicht", withRecovery.Url.AbsolutePath);

        using var again = portal.CreatePortalClient();
        var secondTry = await again.SubmitAndFollowAsync(await PasswordOnlyAsync(again, email), "form[method=post]:has(input[name='Recovery.Value'])", new() { ["Recovery.Value"] = codes[0] });
        Assert.Contains("Deze reservecode klopt niet of is al gebruikt", secondTry.Text);

        using var withApp = portal.CreatePortalClient();
        Assert.Equal("/overzicht", (await withApp.LoginAsync(email, Baseline.Password, key)).Url.AbsolutePath);
    }

    [Fact]
    public async Task A_patient_may_turn_the_code_on_is_then_asked_for_it_and_may_turn_it_off_again()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);

        var setup = await client.GetPageAsync("/account/tweestaps-instellen");
        Assert.Contains("Dit is niet verplicht", setup.Text);
        var key = PortalClient.AuthenticatorKeyOn(setup);
        var done = await client.SetUpAuthenticatorAsync(setup);
        Assert.Equal(10, done.Document.QuerySelectorAll("#recovery-codes li").Length);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/mijn")).StatusCode);

        using var later = portal.CreatePortalClient();
        var codePage = await PasswordOnlyAsync(later, Baseline.NoordPatient);
        Assert.Equal("/account/tweestaps", codePage.Url.AbsolutePath);
        await later.EnterCodeAsync(codePage, Totp.Code(key));
        var on = await later.GetPageAsync("/account/tweestaps-instellen");
        Assert.Contains("staat aan", on.Text);

        await later.SubmitAndFollowAsync(on, "form[method=post]:has(button.btn-outline-danger)", []);

        using var afterwards = portal.CreatePortalClient();
        Assert.Equal("/mijn", (await PasswordOnlyAsync(afterwards, Baseline.NoordPatient)).Url.AbsolutePath);
    }

    private static async Task<Page> PasswordOnlyAsync(PortalClient client, string email) =>
        await client.SubmitAndFollowAsync(await client.GetPageAsync("/account/inloggen"), PasswordForm,
            new() { ["Input.Email"] = email, ["Input.Password"] = Baseline.Password });

    /// <summary>A code that is not among the ones accepted now (the current one and those of two steps either side).</summary>
    private static string WrongCode(string key = Baseline.AuthenticatorKey)
    {
        var now = AuthenticatorTime.Shared.GetUtcNow();
        var accepted = Enumerable.Range(-3, 7).Select(step => Totp.Code(key, now.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(n => ((123456 + n * 7919) % 1_000_000).ToString("D6")).First(code => !accepted.Contains(code));
    }

    private async Task<int> SessionCountAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var userId = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
        return await db.SignInSessions.IgnoreQueryFilters().CountAsync(s => s.UserId == userId);
    }

    private async Task CreateTherapistAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Nieuwe Collega", PracticeId = Baseline.NoordId };
        Assert.True((await users.CreateAsync(user, Baseline.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Therapist)).Succeeded);
    }
}
