using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Web.Features.Admin;

namespace RugcentrumPortal.Web.Tests.Passwords;

public class PasswordChangeTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string ChangeForm = "form:has(#change-current)";

    [Fact]
    public async Task A_signed_in_patient_changes_their_password_after_typing_the_current_one_correctly()
    {
        using var patient = portal.CreatePortalClient();
        await patient.LoginAsync(Baseline.ZuidPatient);
        var page = await patient.GetPageAsync("/account/wachtwoord");

        var wrong = await patient.SubmitAndFollowAsync(page, ChangeForm, new()
        {
            ["Input.Current"] = "niet mijn wachtwoord", ["Input.Password"] = "mijn eigen nieuwe zin", ["Input.Repeat"] = "mijn eigen nieuwe zin",
        });
        var changed = await patient.SubmitAndFollowAsync(page, ChangeForm, new()
        {
            ["Input.Current"] = Baseline.Password, ["Input.Password"] = "mijn eigen nieuwe zin", ["Input.Repeat"] = "mijn eigen nieuwe zin",
        });

        Assert.Contains("Het wachtwoord klopt niet", wrong.Text);
        Assert.Contains("Uw wachtwoord is gewijzigd", changed.Text);
        Assert.Equal("/mijn", (await patient.GetPageAsync("/mijn")).Url.AbsolutePath);
        using var later = portal.CreatePortalClient();
        Assert.Equal("/mijn", (await later.LoginAsync(Baseline.ZuidPatient, "mijn eigen nieuwe zin")).Url.AbsolutePath);
    }

    [Fact]
    public async Task The_change_page_is_only_for_someone_signed_in()
    {
        using var visitor = portal.CreatePortalClient();

        var response = await visitor.GetAsync("/account/wachtwoord");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/inloggen", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_password_an_administrator_chose_must_be_replaced_before_anything_else_can_be_opened()
    {
        await using (var scope = await portal.Services.ScopeAsAsync(Baseline.NoordAdmin))
        {
            var created = await scope.ServiceProvider.GetRequiredService<AccountsService>().CreateStaffAsync(new AccountInput
            {
                DisplayName = "Nina Nieuw", Email = "nina@noord.test", Role = RugcentrumPortal.Data.Roles.Therapist, Password = "door de beheerder gekozen zin",
            }, default);
            Assert.True(created.Succeeded);
        }
        using var nina = portal.CreatePortalClient();

        var first = await nina.LoginAsync("nina@noord.test", "door de beheerder gekozen zin");
        var elsewhere = await nina.GetAsync("/patienten");

        Assert.Equal("/account/wachtwoord", first.Url.AbsolutePath);
        Assert.Contains("Kies eerst een eigen wachtwoord", first.Text);
        Assert.Equal("/account/wachtwoord", elsewhere.Headers.Location?.OriginalString);
        var done = await nina.SubmitAndFollowAsync(first, ChangeForm, new()
        {
            ["Input.Current"] = "door de beheerder gekozen zin", ["Input.Password"] = "alleen ik ken deze zin", ["Input.Repeat"] = "alleen ik ken deze zin",
        });
        Assert.Contains("Uw wachtwoord is gewijzigd", done.Text);
        Assert.Equal(HttpStatusCode.OK, (await nina.GetAsync("/patienten")).StatusCode);
    }
}
