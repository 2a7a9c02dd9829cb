using System.Net;

namespace RugcentrumPortal.Web.Tests.Admin;

public class AccountsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Form = "form[method=post]:has(input[name='Input.DisplayName'])";

    [Fact]
    public async Task Admin_sees_only_the_accounts_of_their_own_practice()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordAdmin);

        var page = await client.GetPageAsync("/beheer/accounts");

        Assert.Contains(Baseline.NoordTherapist, page.Text);
        Assert.Contains(Baseline.NoordPatient, page.Text);
        Assert.DoesNotContain(Baseline.ZuidTherapist, page.Text);
        Assert.DoesNotContain(Baseline.ZuidPatient, page.Text);
    }

    [Fact]
    public async Task Admin_creates_a_therapist_who_can_then_log_in_to_the_same_practice()
    {
        using var admin = portal.CreatePortalClient();
        await admin.LoginAsync(Baseline.NoordAdmin);
        var form = await admin.GetPageAsync("/beheer/accounts");

        var page = await admin.SubmitAndFollowAsync(form, Form, new()
        {
            ["Input.DisplayName"] = "Nieuwe Collega", ["Input.Email"] = "nieuw@noord.test",
            ["Input.Role"] = "Therapist", ["Input.Password"] = "een rustige wandeling langs de rivier",
        });

        Assert.Contains("Het account van Nieuwe Collega is aangemaakt", page.Text);
        using var therapist = portal.CreatePortalClient();
        await therapist.LoginAsync("nieuw@noord.test", "een rustige wandeling langs de rivier");
        var list = await therapist.GetPageAsync("/patienten");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains("Proef, Piet", list.Text);
    }

    [Theory]
    [InlineData("kort-wachtw", "minstens 12 tekens")]
    [InlineData("wachtwoord2026!", "te makkelijk te raden")]
    [InlineData("123456789012", "te makkelijk te raden")]
    [InlineData("aaaaaaaaaaaaaa", "te makkelijk te raden")]
    public async Task Weak_passwords_are_refused_with_a_dutch_reason_and_the_form_keeps_its_values(string password, string reason)
    {
        using var admin = portal.CreatePortalClient();
        await admin.LoginAsync(Baseline.NoordAdmin);
        var form = await admin.GetPageAsync("/beheer/accounts");
        var email = $"zwak{Guid.NewGuid():N}"[..12] + "@noord.test";

        var page = await admin.SubmitAndFollowAsync(form, Form, new()
        {
            ["Input.DisplayName"] = "Zwak Wachtwoord", ["Input.Email"] = email, ["Input.Role"] = "Therapist", ["Input.Password"] = password,
        });

        Assert.Contains(reason, page.Document.QuerySelector("#account-password")?.ParentElement?.TextContent);
        Assert.Equal(email, page.Document.QuerySelector("#account-email")?.GetAttribute("value"));
        Assert.DoesNotContain(email, page.Document.QuerySelector("table")?.TextContent);
    }

    [Fact]
    public async Task An_email_address_already_in_use_is_refused()
    {
        using var admin = portal.CreatePortalClient();
        await admin.LoginAsync(Baseline.NoordAdmin);
        var form = await admin.GetPageAsync("/beheer/accounts");

        var page = await admin.SubmitAndFollowAsync(form, Form, new()
        {
            ["Input.DisplayName"] = "Dubbel", ["Input.Email"] = Baseline.ZuidTherapist, ["Input.Role"] = "Therapist", ["Input.Password"] = "een rustige wandeling langs de rivier",
        });

        Assert.Contains("Er bestaat al een account met dit e-mailadres", page.Document.QuerySelector("#account-email")?.ParentElement?.TextContent);
    }

    [Fact]
    public async Task Admin_cannot_hand_out_the_patient_role_by_tampering_with_the_form()
    {
        using var admin = portal.CreatePortalClient();
        await admin.LoginAsync(Baseline.NoordAdmin);
        var form = await admin.GetPageAsync("/beheer/accounts");

        var page = await admin.SubmitAndFollowAsync(form, Form, new()
        {
            ["Input.DisplayName"] = "Rolknoei", ["Input.Email"] = "rolknoei@noord.test", ["Input.Role"] = "Patient", ["Input.Password"] = "een rustige wandeling langs de rivier",
        });

        Assert.Contains("Kies een van de rollen", page.Text);
        using var other = portal.CreatePortalClient();
        var login = await other.LoginAsync("rolknoei@noord.test", "een rustige wandeling langs de rivier");
        Assert.Equal("/account/inloggen", login.Url.AbsolutePath);
    }

    [Fact]
    public async Task Therapist_cannot_post_to_the_account_form()
    {
        using var admin = portal.CreatePortalClient();
        await admin.LoginAsync(Baseline.NoordAdmin);
        var form = await admin.GetPageAsync("/beheer/accounts");
        using var therapist = portal.CreatePortalClient();
        await therapist.LoginAsync(Baseline.NoordTherapist);
        var ownPage = await therapist.GetPageAsync("/patienten");
        var forged = form with { Document = form.Document };
        // The therapist's own antiforgery token, the admin's form fields.
        var token = ownPage.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");

        var response = await therapist.SubmitAsync(forged, Form, new()
        {
            ["__RequestVerificationToken"] = token,
            ["Input.DisplayName"] = "Insluiper", ["Input.Email"] = "insluiper@noord.test", ["Input.Role"] = "PracticeAdmin", ["Input.Password"] = "een rustige wandeling langs de rivier",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/geen-toegang", response.Headers.Location!.AbsolutePath);
        var list = await admin.GetPageAsync("/beheer/accounts");
        Assert.DoesNotContain("insluiper@noord.test", list.Text);
    }

    [Fact]
    public async Task Admin_blocks_an_account_which_can_then_not_log_in_until_unblocked()
    {
        using var admin = portal.CreatePortalClient();
        await admin.LoginAsync(Baseline.NoordAdmin);
        using var colleague = portal.CreatePortalClient();
        await colleague.LoginAsync(Baseline.NoordSecondTherapist);
        var page = await admin.GetPageAsync("/beheer/accounts");

        var blocked = await admin.SubmitAndFollowAsync(page, "form:has(button:contains('Carla Collega blokkeren'))", []);

        Assert.Contains("Carla Collega is geblokkeerd", blocked.Text);
        using var again = portal.CreatePortalClient();
        Assert.Contains("geblokkeerd door de praktijk", (await again.LoginAsync(Baseline.NoordSecondTherapist)).Text);
        var unblocked = await admin.SubmitAndFollowAsync(blocked, "form:has(button:contains('Carla Collega deblokkeren'))", []);
        Assert.Contains("Carla Collega kan weer inloggen", unblocked.Text);
        using var after = portal.CreatePortalClient();
        Assert.Equal("/overzicht", (await after.LoginAsync(Baseline.NoordSecondTherapist)).Url.AbsolutePath);
    }

    [Fact]
    public async Task Admin_cannot_block_themselves_or_another_practices_account()
    {
        using var admin = portal.CreatePortalClient();
        await admin.LoginAsync(Baseline.NoordAdmin);

        var page = await admin.GetPageAsync("/beheer/accounts");

        Assert.Null(page.Document.QuerySelector("button:contains('Bea Beheer blokkeren')"));
        Assert.Null(page.Document.QuerySelector("button:contains('Zara Zuid')"));
    }
}
