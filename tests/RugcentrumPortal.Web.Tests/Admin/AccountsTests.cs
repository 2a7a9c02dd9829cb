using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using AccountsPage = RugcentrumPortal.Web.Features.Admin.Accounts;
using RugcentrumPortal.Web.Tests.Components;

namespace RugcentrumPortal.Web.Tests.Admin;

public class AccountsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
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
    public async Task Admin_creates_a_therapist_who_chooses_their_own_password_and_then_works_in_the_same_practice()
    {
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordAdmin);
        var page = Open(workspace);

        Fill(page, "Nieuwe Collega", "nieuw@noord.test", "een rustige wandeling langs de rivier");
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("Het account van Nieuwe Collega is aangemaakt", page.Find("[role=status]").TextContent));
        Assert.Contains("nieuw@noord.test", page.Find("table").TextContent);
        Assert.Equal("", page.Find("#account-email").GetAttribute("value") ?? "");
        using var therapist = portal.CreatePortalClient();
        var change = await therapist.LoginAsync("nieuw@noord.test", "een rustige wandeling langs de rivier");
        Assert.Equal("/account/wachtwoord", change.Url.AbsolutePath);
        await therapist.SubmitAndFollowAsync(change, "form:has(#change-current)", new()
        {
            ["Input.Current"] = "een rustige wandeling langs de rivier", ["Input.Password"] = "mijn eigen zin voor het werk", ["Input.Repeat"] = "mijn eigen zin voor het werk",
        });
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
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordAdmin);
        var page = Open(workspace);
        var email = $"zwak{Guid.NewGuid():N}"[..12] + "@noord.test";

        Fill(page, "Zwak Wachtwoord", email, password);
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains(reason, Message(page, "account-password")));
        Assert.Equal(email, page.Find("#account-email").GetAttribute("value"));
        Assert.DoesNotContain(email, page.Find("table").TextContent);
        Assert.False(await AccountExistsAsync(email));
    }

    [Fact]
    public async Task An_email_address_already_in_use_is_refused_at_the_email_field()
    {
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordAdmin);
        var page = Open(workspace);

        Fill(page, "Dubbel", Baseline.ZuidTherapist, "een rustige wandeling langs de rivier");
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("Er bestaat al een account met dit e-mailadres", Message(page, "account-email")));
    }

    [Fact]
    public async Task Missing_fields_get_dutch_messages_and_nothing_is_created()
    {
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordAdmin);
        var page = Open(workspace);

        Fill(page, "", "leeg@noord.test", "");
        await page.Find("form").SubmitAsync();

        Assert.Contains("Dit veld is verplicht", Message(page, "account-name"));
        Assert.Contains("Dit veld is verplicht", Message(page, "account-password"));
        Assert.Contains("Niet alles is goed ingevuld", page.Find("[role=alert]").TextContent);
        Assert.False(await AccountExistsAsync("leeg@noord.test"));
    }

    [Fact]
    public async Task The_role_list_offers_only_staff_roles_patients_get_their_login_by_invitation()
    {
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordAdmin);
        var page = Open(workspace);

        await page.Find("#account-role").Closest(".mud-input-control")!.QuerySelector(".mud-input")!.MouseDownAsync(new());

        workspace.Popovers.WaitForAssertion(() => Assert.Equal(["Therapeut", "Praktijkbeheerder"],
            workspace.Popovers.FindAll(".mud-list-item").Select(i => i.TextContent.Trim())));
    }

    [Fact]
    public async Task A_therapist_is_refused_the_accounts_page_and_its_form()
    {
        using var therapist = portal.CreatePortalClient();
        await therapist.LoginAsync(Baseline.NoordTherapist);
        var ownPage = await therapist.GetPageAsync("/patienten");
        var token = ownPage.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");

        var get = await therapist.GetAsync("/beheer/accounts");
        var post = await therapist.Http.PostAsync("/beheer/accounts", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token!, ["Input.DisplayName"] = "Insluiper", ["Input.Email"] = "insluiper@noord.test",
            ["Input.Role"] = "PracticeAdmin", ["Input.Password"] = "een rustige wandeling langs de rivier",
        }));

        Assert.Equal("/account/geen-toegang", get.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal("/account/geen-toegang", post.Headers.Location!.AbsolutePath);
        Assert.False(await AccountExistsAsync("insluiper@noord.test"));
    }

    [Fact]
    public async Task Blocking_a_colleague_asks_first_and_cancelling_changes_nothing()
    {
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordAdmin);
        var page = Open(workspace);

        // The click's handler waits for the answer to the dialog, so it is awaited only after answering.
        var click = page.Find("button:contains('Carla Collega blokkeren')").ClickAsync(new());

        var dialog = workspace.Dialogs.WaitForElement(".mud-dialog");
        Assert.Contains("Carla Collega blokkeren?", dialog.TextContent);
        Assert.Contains("meteen uitgelogd", dialog.TextContent);
        await workspace.Dialogs.Find(".mud-dialog button:contains('Annuleren')").ClickAsync(new());
        await click;
        workspace.Dialogs.WaitForAssertion(() => Assert.Empty(workspace.Dialogs.FindAll(".mud-dialog")));
        Assert.False(await IsBlockedAsync(Baseline.NoordSecondTherapist));
        using var colleague = portal.CreatePortalClient();
        Assert.Equal("/overzicht", (await colleague.LoginAsync(Baseline.NoordSecondTherapist)).Url.AbsolutePath);
    }

    [Fact]
    public async Task Admin_blocks_an_account_after_confirming_which_can_then_not_log_in_until_unblocked_the_same_way()
    {
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordAdmin);
        var page = Open(workspace);

        await ConfirmAsync(workspace, page, "Carla Collega blokkeren", "Ja, blokkeren");

        page.WaitForAssertion(() => Assert.Contains("Carla Collega is geblokkeerd", page.Find("[role=status]").TextContent));
        Assert.True(await IsBlockedAsync(Baseline.NoordSecondTherapist));
        using (var again = portal.CreatePortalClient())
        {
            Assert.Contains("geblokkeerd door de praktijk", (await again.LoginAsync(Baseline.NoordSecondTherapist)).Text);
        }

        await ConfirmAsync(workspace, page, "Carla Collega deblokkeren", "Ja, deblokkeren");

        page.WaitForAssertion(() => Assert.Contains("Carla Collega kan weer inloggen", page.Find("[role=status]").TextContent));
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

    private static IRenderedComponent<AccountsPage> Open(WorkspaceContext workspace)
    {
        var page = workspace.RenderPage<AccountsPage>();
        page.WaitForAssertion(() => Assert.Contains(Baseline.NoordTherapist, page.Find("table").TextContent));
        return page;
    }

    private static void Fill(IRenderedComponent<AccountsPage> page, string name, string email, string password)
    {
        page.Find("#account-name").Change(name);
        page.Find("#account-email").Change(email);
        page.Find("#account-password").Change(password);
    }

    private static async Task ConfirmAsync(WorkspaceContext workspace, IRenderedComponent<AccountsPage> page, string button, string yes)
    {
        // The click's handler waits for the answer to the dialog, so it is awaited only after answering.
        var click = page.Find($"button:contains('{button}')").ClickAsync(new());
        await workspace.Dialogs.WaitForElement($".mud-dialog button:contains('{yes}')").ClickAsync(new());
        await click;
    }

    private static string Message(IRenderedComponent<AccountsPage> page, string inputId) =>
        page.Find($"#{inputId}").Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent ?? "";

    private async Task<bool> AccountExistsAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.ArrangeDb().Users.AnyAsync(u => u.Email == email);
    }

    private async Task<bool> IsBlockedAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.ArrangeDb().Users.SingleAsync(u => u.Email == email);
        return account.LockoutEnd > DateTimeOffset.UtcNow;
    }
}
