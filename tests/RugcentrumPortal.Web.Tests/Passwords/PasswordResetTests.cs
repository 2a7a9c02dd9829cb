using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Invitations;

namespace RugcentrumPortal.Web.Tests.Passwords;

public class PasswordResetTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string ResetForm = "form[method=post]:has(input[name='Input.Password'])";
    private const string NewPassword = "een fiets op de dijk bij eb";

    [Fact]
    public async Task Asking_for_a_link_gives_the_same_answer_for_a_known_and_an_unknown_address_and_mails_only_the_known()
    {
        var mailsBefore = MailPickup.Read(portal.MailDirectory).Count;

        var unknown = await AskForLinkAsync("niemand@nergens.test");
        var afterUnknown = MailPickup.Read(portal.MailDirectory).Count;
        var known = await AskForLinkAsync(Baseline.ZuidTherapist);

        Assert.Equal(unknown.Url.PathAndQuery, known.Url.PathAndQuery);
        Assert.Equal(unknown.Document.QuerySelector("main")!.TextContent, known.Document.QuerySelector("main")!.TextContent);
        Assert.Contains("Als dit adres bij ons bekend is", known.Text);
        Assert.Equal(mailsBefore, afterUnknown);
        var mail = MailPickup.Read(portal.MailDirectory).Last();
        Assert.Equal(Baseline.ZuidTherapist, mail.To);
    }

    [Fact]
    public async Task The_mailed_link_sets_a_new_password_renews_the_security_stamp_and_cannot_be_used_twice()
    {
        var stampBefore = await StampOfAsync(Baseline.NoordSecondTherapist);
        var link = await ResetLinkAsync(Baseline.NoordSecondTherapist);
        using var person = portal.CreatePortalClient();
        var form = await person.GetPageAsync(link);
        Assert.Equal(Baseline.NoordSecondTherapist, form.Document.QuerySelector("#reset-email")!.GetAttribute("value"));

        var done = await person.SubmitAndFollowAsync(form, ResetForm, new() { ["Input.Password"] = NewPassword, ["Input.Repeat"] = NewPassword });

        Assert.Equal("/account/wachtwoord-ingesteld", done.Url.AbsolutePath);
        Assert.NotEqual(stampBefore, await StampOfAsync(Baseline.NoordSecondTherapist));
        using var later = portal.CreatePortalClient();
        Assert.NotEqual("/account/inloggen", (await later.LoginAsync(Baseline.NoordSecondTherapist, NewPassword)).Url.AbsolutePath);
        using var old = portal.CreatePortalClient();
        Assert.Equal("/account/inloggen", (await old.LoginAsync(Baseline.NoordSecondTherapist)).Url.AbsolutePath);

        var again = await person.SubmitAndFollowAsync(form, ResetForm, new() { ["Input.Password"] = "nog een heel ander wachtwoord", ["Input.Repeat"] = "nog een heel ander wachtwoord" });
        Assert.Contains("Deze link is al gebruikt", again.Text);
        Assert.Contains("Er is niets veranderd", again.Text);
        using var check = portal.CreatePortalClient();
        Assert.Equal("/account/inloggen", (await check.LoginAsync(Baseline.NoordSecondTherapist, "nog een heel ander wachtwoord")).Url.AbsolutePath);
    }

    [Fact]
    public async Task An_expired_link_says_so_offers_a_new_one_and_changes_nothing()
    {
        var link = await ResetLinkAsync(Baseline.ZuidPatient);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var hash = InvitationService.Hash(link[(link.LastIndexOf('/') + 1)..]);
            await scope.ServiceProvider.ArrangeDb().PasswordResetLinks.Where(l => l.TokenHash == hash)
                .ExecuteUpdateAsync(set => set.SetProperty(l => l.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }
        using var person = portal.CreatePortalClient();

        var page = await person.GetPageAsync(link);

        Assert.Contains("Deze link is niet meer geldig", page.Text);
        Assert.Null(page.Document.QuerySelector("input[name='Input.Password']"));
        Assert.NotNull(page.Document.QuerySelector("a[href='account/wachtwoord-vergeten']"));
    }

    [Fact]
    public async Task A_forged_link_says_it_is_not_right_and_a_replayed_post_changes_nothing()
    {
        var stampBefore = await StampOfAsync(Baseline.ZuidTherapist);
        using var person = portal.CreatePortalClient();

        var page = await person.GetPageAsync("/account/wachtwoord-herstellen/verzonnen-geheim-dat-niet-bestaat");
        var post = await person.Http.PostAsync("/account/wachtwoord-herstellen/verzonnen-geheim-dat-niet-bestaat",
            new FormUrlEncodedContent([new("_handler", "reset-password"), new("Input.Password", NewPassword), new("Input.Repeat", NewPassword)]));

        Assert.Contains("Deze link klopt niet", page.Text);
        Assert.Null(page.Document.QuerySelector("input[name='Input.Password']"));
        Assert.NotEqual(HttpStatusCode.InternalServerError, post.StatusCode);
        Assert.Equal(stampBefore, await StampOfAsync(Baseline.ZuidTherapist));
    }

    [Fact]
    public async Task A_password_longer_than_128_characters_is_refused_with_a_message_and_the_link_stays_valid()
    {
        var link = await ResetLinkAsync(Baseline.NoordAdmin);
        using var person = portal.CreatePortalClient();
        var form = await person.GetPageAsync(link);
        var novel = string.Join(" ", Enumerable.Repeat("lange zin", 20));

        var refused = await person.SubmitAndFollowAsync(form, ResetForm, new() { ["Input.Password"] = novel, ["Input.Repeat"] = novel });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("hoogstens 128 tekens", refused.Text);
        Assert.NotNull((await person.GetPageAsync(link)).Document.QuerySelector("input[name='Input.Password']"));
    }

    private async Task<Page> AskForLinkAsync(string email)
    {
        using var client = portal.CreatePortalClient();
        var page = await client.GetPageAsync("/account/wachtwoord-vergeten");
        return await client.SubmitAndFollowAsync(page, "form:has(#forgot-email)", new() { ["Input.Email"] = email });
    }

    private async Task<string> ResetLinkAsync(string email)
    {
        await AskForLinkAsync(email);
        var mail = MailPickup.Read(portal.MailDirectory).Last(m => m.To == email);
        return new Uri(Regex.Match(mail.Body, @"https?://\S+/account/wachtwoord-herstellen/[A-Za-z0-9_\-]+").Value).PathAndQuery;
    }

    private async Task<string?> StampOfAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return (await users.FindByEmailAsync(email))!.SecurityStamp;
    }
}

/// <summary>A portal whose per-account limit is low enough to reach in a test.</summary>
public sealed class StrictPasswordPortal : PortalFactory
{
    public StrictPasswordPortal() => WithSetting("Passwords:AttemptsPerAccountPerHour", "2");
}

/// <summary>A portal whose per-address limit on the reset pages is low enough to reach in a test.</summary>
public sealed class StrictResetAddressPortal : PortalFactory
{
    public StrictResetAddressPortal() => WithSetting("Passwords:AttemptsPerMinute", "5");
}

public class ResetAddressLimitTests(StrictResetAddressPortal portal) : IClassFixture<StrictResetAddressPortal>
{
    [Fact]
    public async Task Many_requests_from_one_address_are_slowed_down_with_a_dutch_explanation_not_an_error()
    {
        using var client = portal.CreatePortalClient();
        HttpResponseMessage last = new();

        for (var attempt = 0; attempt < 8; attempt++)
        {
            last = await client.GetAsync("/account/wachtwoord-herstellen/geraden-" + attempt);
        }

        Assert.Equal((HttpStatusCode)429, last.StatusCode);
        Assert.Contains("Wacht een minuut", await last.Content.ReadAsStringAsync());
    }
}

public class PasswordAttemptLimitTests(StrictPasswordPortal portal) : IClassFixture<StrictPasswordPortal>
{
    [Fact]
    public async Task Many_reset_requests_for_one_address_get_a_plain_message_and_no_more_mail()
    {
        using var client = portal.CreatePortalClient();
        var page = await client.GetPageAsync("/account/wachtwoord-vergeten");
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await client.SubmitAndFollowAsync(page, "form:has(#forgot-email)", new() { ["Input.Email"] = Baseline.NoordPatient });
        }
        var mails = MailPickup.Read(portal.MailDirectory).Count;

        var limited = await client.SubmitAndFollowAsync(page, "form:has(#forgot-email)", new() { ["Input.Email"] = " PATIENT@noord.test " });

        Assert.Equal(HttpStatusCode.OK, limited.Status);
        Assert.Contains("Wacht een uur", limited.Text);
        Assert.Equal(mails, MailPickup.Read(portal.MailDirectory).Count);
    }

    [Fact]
    public async Task Trying_passwords_against_one_invitation_is_limited_per_invitation()
    {
        string link;
        using (var therapist = portal.CreatePortalClient())
        {
            await therapist.LoginAsync(Baseline.NoordTherapist);
            var invite = await therapist.GetPageAsync($"/patienten/{Baseline.NoordOtherPatientId}/uitnodiging");
            await therapist.SubmitAndFollowAsync(invite, "form:has(button.btn-primary.btn-lg)", []);
            link = new Uri(Regex.Match(MailPickup.Read(portal.MailDirectory).Last().Body, @"https?://\S+/uitnodiging/[A-Za-z0-9_\-]+").Value).PathAndQuery;
        }
        using var guesser = portal.CreatePortalClient();
        var form = await guesser.GetPageAsync(link);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await guesser.SubmitAndFollowAsync(form, "form:has(input[name='Input.Password'])", new() { ["Input.Password"] = "kort", ["Input.Repeat"] = "kort" });
        }

        var limited = await guesser.SubmitAndFollowAsync(form, "form:has(input[name='Input.Password'])",
            new() { ["Input.Password"] = "de zon schijnt op het terras", ["Input.Repeat"] = "de zon schijnt op het terras" });

        Assert.Equal(HttpStatusCode.OK, limited.Status);
        Assert.Contains("Wacht een uur", limited.Text);
        await using var scope = portal.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.ArrangeDb().Patients
            .Where(p => p.Id == Baseline.NoordOtherPatientId).Select(p => p.UserId).SingleAsync());
    }
}
