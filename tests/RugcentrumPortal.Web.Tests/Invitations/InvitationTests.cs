using RugcentrumPortal.Web.Features.Invitations;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Tests.Invitations;

public class InvitationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string PasswordForm = "form[method=post]:has(input[name='Input.Password'])";
    private const string NewPassword = "de zon schijnt op het terras";

    [Fact]
    public async Task Emailed_invitation_lets_the_patient_choose_a_password_and_lands_them_on_their_portal()
    {
        var (els, email) = await NewPatientAsync(Baseline.NoordId);
        var link = await EmailInvitationAsync(els);
        using var patient = portal.CreatePortalClient();

        var welcome = await patient.GetPageAsync(link);
        Assert.Contains("Welkom, Els", welcome.Text);
        var home = await patient.SubmitAndFollowAsync(welcome, PasswordForm, new() { ["Input.Password"] = NewPassword, ["Input.Repeat"] = NewPassword });

        Assert.Equal("/mijn", home.Url.AbsolutePath);
        Assert.Contains("Goedendag Els", home.Text);
        using var later = portal.CreatePortalClient();
        var again = await later.LoginAsync(email, NewPassword);
        Assert.Equal("/mijn", again.Url.AbsolutePath);
    }

    [Fact]
    public async Task The_mail_goes_to_the_patient_in_dutch_with_a_link_valid_for_seven_days()
    {
        var before = DateTimeOffset.UtcNow;
        var (patientId, email) = await NewPatientAsync(Baseline.NoordId);
        await EmailInvitationAsync(patientId);

        var mail = MailPickup.Read(portal.MailDirectory).Last();

        Assert.Equal(email, mail.To);
        Assert.Contains("Praktijk Noord (test)", mail.Body);
        Assert.Contains("Open deze link en kies een wachtwoord", mail.Body);
        await using var scope = portal.Services.CreateAsyncScope();
        var invitation = await scope.ServiceProvider.ArrangeDb().Invitations
            .Where(i => i.PatientId == patientId).OrderByDescending(i => i.CreatedAt).FirstAsync();
        Assert.InRange(invitation.ExpiresAt - before, TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        Assert.NotEqual(LinkToken(LinksIn(mail.Body).Single()), invitation.TokenHash);
    }

    [Fact]
    public async Task A_used_link_cannot_be_used_again()
    {
        var (zuidPatient, email) = await NewPatientAsync(Baseline.ZuidId);
        var link = await EmailInvitationAsync(zuidPatient, Baseline.ZuidTherapist);
        using var first = portal.CreatePortalClient();
        var form = await first.GetPageAsync(link);
        await first.SubmitAndFollowAsync(form, PasswordForm, new() { ["Input.Password"] = NewPassword, ["Input.Repeat"] = NewPassword });

        using var second = portal.CreatePortalClient();
        var reused = await second.GetPageAsync(link);

        Assert.Contains("Deze link is al gebruikt", reused.Text);
        Assert.Null(reused.Document.QuerySelector("input[name='Input.Password']"));
        var replay = await second.SubmitAsync(form, PasswordForm, new() { ["Input.Password"] = "een ander wachtwoord kiezen", ["Input.Repeat"] = "een ander wachtwoord kiezen" });
        Assert.NotEqual(HttpStatusCode.Redirect, replay.StatusCode);
        using var check = portal.CreatePortalClient();
        Assert.Equal("/account/inloggen", (await check.LoginAsync(email, "een ander wachtwoord kiezen")).Url.AbsolutePath);
    }

    [Fact]
    public async Task An_expired_link_says_so_and_sets_no_password()
    {
        var link = await EmailInvitationAsync((await NewPatientAsync(Baseline.NoordId)).Id);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.ArrangeDb();
            var hash = Web.Features.Invitations.InvitationService.Hash(LinkToken(link));
            var invitation = await db.Invitations.SingleAsync(i => i.TokenHash == hash);
            invitation.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }
        using var patient = portal.CreatePortalClient();

        var page = await patient.GetPageAsync(link);

        Assert.Contains("Deze link is niet meer geldig", page.Text);
        Assert.Null(page.Document.QuerySelector("input[name='Input.Password']"));
    }

    [Fact]
    public async Task A_new_invitation_cancels_the_previous_link()
    {
        var (els, _) = await NewPatientAsync(Baseline.NoordId);
        var old = await EmailInvitationAsync(els);
        var fresh = await EmailInvitationAsync(els);
        using var patient = portal.CreatePortalClient();

        Assert.Contains("Deze link is niet meer geldig", (await patient.GetPageAsync(old)).Text);
        Assert.Contains("Welkom, Els", (await patient.GetPageAsync(fresh)).Text);
    }

    [Fact]
    public async Task A_wrong_code_explains_what_to_do_and_offers_no_form()
    {
        using var patient = portal.CreatePortalClient();

        var page = await patient.GetPageAsync("/uitnodiging/dit-is-geen-echte-code");

        Assert.Contains("Deze link klopt niet", page.Text);
        Assert.Null(page.Document.QuerySelector("input[name='Input.Password']"));
    }

    [Fact]
    public async Task A_weak_or_mistyped_password_is_refused_and_the_link_stays_valid()
    {
        var link = await EmailInvitationAsync((await NewPatientAsync(Baseline.NoordId)).Id);
        using var patient = portal.CreatePortalClient();
        var form = await patient.GetPageAsync(link);

        var weak = await patient.SubmitAndFollowAsync(form, PasswordForm, new() { ["Input.Password"] = "welkom123456", ["Input.Repeat"] = "welkom123456" });
        var mistyped = await patient.SubmitAndFollowAsync(form, PasswordForm, new() { ["Input.Password"] = NewPassword, ["Input.Repeat"] = NewPassword + "!" });

        Assert.Contains("te makkelijk te raden", weak.Text);
        Assert.Contains("niet gelijk", mistyped.Text);
        var home = await patient.SubmitAndFollowAsync(form, PasswordForm, new() { ["Input.Password"] = NewPassword, ["Input.Repeat"] = NewPassword });
        Assert.Equal("/mijn", home.Url.AbsolutePath);
    }

    [Fact]
    public async Task The_letter_is_made_by_a_post_and_a_refresh_shows_the_same_letter_without_the_portals_menu()
    {
        using var therapist = portal.CreatePortalClient();
        await therapist.LoginAsync(Baseline.NoordTherapist);
        var (els, _) = await NewPatientAsync(Baseline.NoordId);
        var page = await therapist.GetPageAsync($"/patienten/{els}/uitnodiging");

        var letter = await therapist.SubmitAndFollowAsync(page, "form:has(button.btn-outline-primary)", []);
        var refreshed = await therapist.GetPageAsync(letter.Url.PathAndQuery);

        Assert.Equal($"/patienten/{els}/uitnodiging/brief", letter.Url.AbsolutePath);
        var code = letter.Document.QuerySelector(".letter-code")!.TextContent.Trim();
        Assert.Equal(code, refreshed.Document.QuerySelector(".letter-code")!.TextContent.Trim());
        Assert.Null(refreshed.Document.QuerySelector("header.portal-bar, nav.main-nav, footer"));
        Assert.StartsWith("data:image/png;base64,", refreshed.Document.QuerySelector(".letter-ways img")!.GetAttribute("src"));
        var sender = refreshed.Document.QuerySelector(".letter-sender")!.TextContent;
        Assert.Contains("Praktijk Noord (test)", sender);
        Assert.Contains("Proeflaan 7", sender);
        Assert.Contains("050-0000000", sender);
        Assert.Contains("/code", refreshed.Document.QuerySelector(".letter-address")!.TextContent);
    }

    [Fact]
    public async Task The_patient_types_the_letters_code_in_small_letters_and_reaches_the_password_form()
    {
        var code = await LetterCodeAsync((await NewPatientAsync(Baseline.NoordId)).Id);
        using var patient = portal.CreatePortalClient();
        var entry = await patient.GetPageAsync("/code");

        var next = await patient.SubmitAndFollowAsync(entry, "form:has(#invitation-code)", new() { ["Input.Code"] = code.ToLowerInvariant().Replace("-", " ") });

        Assert.Contains("Welkom, Els", next.Text);
        Assert.NotNull(next.Document.QuerySelector("input[name='Input.Password']"));
    }

    [Fact]
    public async Task A_code_that_cannot_be_one_is_refused_in_dutch_and_stays_in_the_field()
    {
        using var patient = portal.CreatePortalClient();
        var entry = await patient.GetPageAsync("/code");

        var refused = await patient.SubmitAndFollowAsync(entry, "form:has(#invitation-code)", new() { ["Input.Code"] = "OOOO-1111" });

        Assert.Equal("/code", refused.Url.AbsolutePath);
        Assert.Contains("Deze code klopt niet", refused.Text);
        Assert.Equal("OOOO-1111", refused.Document.QuerySelector("#invitation-code")!.GetAttribute("value"));
    }

    private async Task<string> LetterCodeAsync(Guid patientId)
    {
        using var therapist = portal.CreatePortalClient();
        await therapist.LoginAsync(Baseline.NoordTherapist);
        var page = await therapist.GetPageAsync($"/patienten/{patientId}/uitnodiging");
        var letter = await therapist.SubmitAndFollowAsync(page, "form:has(button.btn-outline-primary)", []);
        return letter.Document.QuerySelector(".letter-code")!.TextContent.Trim();
    }

    [Fact]
    public async Task Another_practices_therapist_cannot_invite_or_see_the_invitation_page()
    {
        using var noord = portal.CreatePortalClient();
        await noord.LoginAsync(Baseline.NoordTherapist);
        var page = await noord.GetPageAsync($"/patienten/{Baseline.NoordOtherPatientId}/uitnodiging");
        using var zuid = portal.CreatePortalClient();
        await zuid.LoginAsync(Baseline.ZuidTherapist);
        var mailsBefore = MailPickup.Read(portal.MailDirectory).Count;

        var get = await zuid.GetAsync($"/patienten/{Baseline.NoordOtherPatientId}/uitnodiging");
        var ownPage = await zuid.GetPageAsync("/patienten");
        var post = await zuid.SubmitAsync(page, "form:has(button.btn-primary.btn-lg)", new()
        {
            ["__RequestVerificationToken"] = ownPage.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value"),
        });

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        // The form is never rendered for a patient out of reach, so the post finds no form to bind to.
        Assert.Contains(post.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.BadRequest });
        Assert.Equal(mailsBefore, MailPickup.Read(portal.MailDirectory).Count);
    }

    /// <summary>A patient of their own without a login, named Els as the page's greeting is checked by name.</summary>
    private async Task<(Guid Id, string Email)> NewPatientAsync(Guid practiceId)
    {
        var id = await TestPatients.NewAsync(portal, practiceId, "Els", "Voorbeeld");
        await using var scope = portal.Services.CreateAsyncScope();
        return (id, await scope.ServiceProvider.ArrangeDb().Patients.Where(p => p.Id == id).Select(p => p.Email).SingleAsync());
    }

    private async Task<string> EmailInvitationAsync(Guid patientId, string therapist = Baseline.NoordTherapist)
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(therapist);
        var page = await client.GetPageAsync($"/patienten/{patientId}/uitnodiging");
        var sent = await client.SubmitAndFollowAsync(page, "form:has(button.btn-primary.btn-lg)", []);
        Assert.Contains("De uitnodiging is verstuurd", sent.Text);
        return new Uri(LinksIn(MailPickup.Read(portal.MailDirectory).Last().Body).Single()).PathAndQuery;
    }

    private static IEnumerable<string> LinksIn(string body) =>
        Regex.Matches(body, @"https?://\S+/uitnodiging/[A-Za-z0-9_\-]+").Select(m => m.Value);

    private static string LinkToken(string link) => link[(link.LastIndexOf('/') + 1)..];
}

/// <summary>A portal whose guessing limit is low enough to reach in a test.</summary>
public sealed class StrictCodePortal : PortalFactory
{
    public StrictCodePortal() => WithSetting("Invitations:AttemptsPerMinute", "5");
}

public class InvitationCodeGuessingTests(StrictCodePortal portal) : IClassFixture<StrictCodePortal>
{
    [Fact]
    public async Task Guessing_codes_in_quick_succession_is_slowed_down_with_a_dutch_explanation()
    {
        using var guesser = portal.CreatePortalClient();
        HttpResponseMessage last = new();

        for (var attempt = 0; attempt < 8; attempt++)
        {
            last = await guesser.GetAsync($"/uitnodiging/ACDEF-GHJK{InvitationCode.Alphabet[attempt % InvitationCode.Alphabet.Length]}");
        }

        Assert.Equal((HttpStatusCode)429, last.StatusCode);
        Assert.Contains("Wacht een minuut", await last.Content.ReadAsStringAsync());
    }
}
