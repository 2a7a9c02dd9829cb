using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace RugcentrumPortal.Web.Tests.Invitations;

public class ExistingLoginTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_new_invitation_for_a_patient_with_a_login_mails_them_a_reset_link_and_leaves_their_password_alone()
    {
        using var therapist = portal.CreatePortalClient();
        await therapist.LoginAsync(Baseline.NoordTherapist);
        var page = await therapist.GetPageAsync($"/patienten/{Baseline.NoordPatientId}/uitnodiging");
        Assert.Null(page.Document.QuerySelector("form:has(button.btn-outline-primary)"));

        var sent = await therapist.SubmitAndFollowAsync(page, "form:has(button.btn-primary.btn-lg)", []);

        Assert.Contains("Er is een link voor een nieuw wachtwoord gestuurd naar patient@noord.test", sent.Text);
        var mail = MailPickup.Read(portal.MailDirectory).Last();
        Assert.Equal(Baseline.NoordPatient, mail.To);
        Assert.Matches(@"/account/wachtwoord-herstellen/[A-Za-z0-9_\-]{43}", mail.Body);
        Assert.DoesNotContain("/uitnodiging/", mail.Body);
        await using var scope = portal.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.ArrangeDb().Invitations.AnyAsync(i => i.PatientId == Baseline.NoordPatientId));
        using var patient = portal.CreatePortalClient();
        Assert.Equal("/mijn", (await patient.LoginAsync(Baseline.NoordPatient)).Url.AbsolutePath);
    }

    [Fact]
    public async Task An_invitation_link_is_made_from_the_portals_own_address_not_from_a_forged_host_header()
    {
        using var therapist = portal.CreatePortalClient();
        await therapist.LoginAsync(Baseline.NoordTherapist);
        var page = await therapist.GetPageAsync($"/patienten/{Baseline.NoordOtherPatientId}/uitnodiging");
        therapist.Http.DefaultRequestHeaders.Host = "aanvaller.example";

        await therapist.SubmitAndFollowAsync(page, "form:has(button.btn-primary.btn-lg)", []);

        var link = Regex.Match(MailPickup.Read(portal.MailDirectory).Last().Body, @"\S+/uitnodiging/\S+").Value;
        Assert.DoesNotContain("aanvaller", link);
        Assert.StartsWith("http://localhost/uitnodiging/", link);
    }
}

/// <summary>The portal as it would start in production, where its public address is not configured.</summary>
public sealed class ProductionWithoutAddress : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("Portal:PublicBaseUrl", "");
    }
}

public class PublicAddressStartupTests
{
    [Fact]
    public async Task The_portal_refuses_to_start_in_production_without_its_public_address_and_says_what_to_set()
    {
        await using var portal = new ProductionWithoutAddress();

        var refused = Assert.ThrowsAny<Exception>(() => portal.Services);

        var message = refused is InvalidOperationException ? refused.Message : refused.GetBaseException().Message;
        Assert.Contains("Portal__PublicBaseUrl", message);
        Assert.Contains("Production", message);
    }
}
