using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Privacy;

namespace RugcentrumPortal.Web.Tests.Privacy;

public class ErasureTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_patients_request_is_recorded_once_and_shown_to_them_as_open()
    {
        var (patientId, email) = await PrivacyTestKit.PatientWithLoginAsync(portal, Baseline.NoordId);
        using var patient = portal.CreatePortalClient();
        await patient.LoginAsync(email, PrivacyTestKit.Password);
        var page = await patient.GetPageAsync("/mijn/gegevens");

        var asked = await patient.SubmitAndFollowAsync(page, "form:has(#erase-submit)", []);
        await patient.SubmitAsync(page, "form:has(#erase-submit)", []);

        Assert.Contains("Uw verzoek is ontvangen", asked.Text);
        Assert.Contains("de praktijk handelt dit af", asked.Text);
        Assert.Null(asked.Document.QuerySelector("#erase-submit"));
        await using var scope = portal.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.ArrangeDb().ErasureRequests.CountAsync(r => r.PatientId == patientId));
    }

    [Fact]
    public async Task Handling_removes_the_login_reminders_and_devices_keeps_the_record_and_tells_the_patient_why()
    {
        var (patientId, email) = await PrivacyTestKit.PatientWithLoginAsync(portal, Baseline.NoordId);
        var requestId = await AskAsync(patientId);

        await using (var admin = await portal.Services.ScopeAsAsync(Baseline.NoordAdmin))
        {
            var erasure = admin.ServiceProvider.GetRequiredService<ErasureService>();
            Assert.Contains(await erasure.OpenRequestsAsync(default), r => r.Id == requestId);
            Assert.True(await erasure.HandleAsync(requestId, default));
            Assert.DoesNotContain(await erasure.OpenRequestsAsync(default), r => r.Id == requestId);
        }

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        var patient = await db.Patients.SingleAsync(p => p.Id == patientId);
        Assert.Null(patient.UserId);
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
        Assert.False(await db.ReminderSettings.AnyAsync(r => r.PatientId == patientId));
        Assert.False(await db.PushDevices.AnyAsync(d => d.PatientId == patientId));
        Assert.True(await db.Messages.AnyAsync(m => m.PatientId == patientId));
        var handled = await db.ErasureRequests.SingleAsync(r => r.Id == requestId);
        Assert.NotNull(handled.HandledAt);
        Assert.Contains("uw inlog voor het portaal", handled.Outcome);
        var mail = MailPickup.Read(portal.MailDirectory).Last(m => m.To == email);
        Assert.Contains("Verwijderd: uw herinneringen, de meldingen op uw apparaten, uw inlog voor het portaal", mail.Body);
        Assert.Contains("20 jaar", mail.Body);
        Assert.Contains("WGBO", mail.Body);
        Assert.DoesNotContain("knie", mail.Body);
        using var login = portal.CreatePortalClient();
        Assert.Equal("/account/inloggen", (await login.LoginAsync(email, PrivacyTestKit.Password)).Url.AbsolutePath);
    }

    [Fact]
    public async Task Another_practices_administrator_neither_sees_nor_handles_the_request()
    {
        var (patientId, _) = await PrivacyTestKit.PatientWithLoginAsync(portal, Baseline.ZuidId);
        var requestId = await AskAsync(patientId);

        await using var admin = await portal.Services.ScopeAsAsync(Baseline.NoordAdmin);
        var erasure = admin.ServiceProvider.GetRequiredService<ErasureService>();

        Assert.DoesNotContain(await erasure.OpenRequestsAsync(default), r => r.Id == requestId);
        Assert.False(await erasure.HandleAsync(requestId, default));
        await using var scope = portal.Services.CreateAsyncScope();
        Assert.NotNull((await scope.ServiceProvider.ArrangeDb().Patients.SingleAsync(p => p.Id == patientId)).UserId);
    }

    [Fact]
    public async Task Handling_writes_one_access_log_line_naming_the_administrator_the_patient_and_what_was_removed()
    {
        var (patientId, _) = await PrivacyTestKit.PatientWithLoginAsync(portal, Baseline.NoordId);
        var requestId = await AskAsync(patientId);
        var before = await LogOfAsync(patientId);

        await using (var admin = await portal.Services.ScopeAsAsync(Baseline.NoordAdmin))
        {
            Assert.True(await admin.ServiceProvider.GetRequiredService<ErasureService>().HandleAsync(requestId, default));
        }

        var line = Assert.Single((await LogOfAsync(patientId)).Skip(before.Count));
        await using var scope = portal.Services.CreateAsyncScope();
        var administrator = await scope.ServiceProvider.ArrangeDb().Users.SingleAsync(u => u.Email == Baseline.NoordAdmin);
        Assert.Equal(AccessEvent.Erasure, line.Event);
        Assert.Equal(administrator.Id, line.UserId);
        Assert.Equal(administrator.DisplayName, line.UserName);
        Assert.Equal(Roles.PracticeAdmin, line.Role);
        Assert.Equal("Wies Wissel", line.PatientName);
        Assert.Equal(Baseline.NoordId, line.PracticeId);
        Assert.Equal($"ErasureRequest {requestId}: removed ReminderSettings 1, ReminderDelivery 0, PushDevice 1, PatientInvitation 0, login 1", line.Target);
        Assert.True((await RugcentrumPortal.Web.Tests.AccessLog.AccessLogTestKit.VerifyAsync(portal, Baseline.NoordId)).IsIntact);
    }

    [Fact]
    public async Task A_refused_handling_writes_no_access_log_line()
    {
        var (otherPractices, _) = await PrivacyTestKit.PatientWithLoginAsync(portal, Baseline.ZuidId);
        var elsewhere = await AskAsync(otherPractices);
        var (ownPractices, _) = await PrivacyTestKit.PatientWithLoginAsync(portal, Baseline.NoordId);
        var handled = await AskAsync(ownPractices);
        await using var admin = await portal.Services.ScopeAsAsync(Baseline.NoordAdmin);
        var erasure = admin.ServiceProvider.GetRequiredService<ErasureService>();
        Assert.True(await erasure.HandleAsync(handled, default));
        var linesOfHandled = (await LogOfAsync(ownPractices)).Count;

        Assert.False(await erasure.HandleAsync(elsewhere, default));
        Assert.False(await erasure.HandleAsync(handled, default));

        Assert.Empty(await LogOfAsync(otherPractices));
        Assert.Equal(linesOfHandled, (await LogOfAsync(ownPractices)).Count);
    }

    [Fact]
    public async Task A_patient_who_signs_in_again_later_reads_in_plain_words_who_handled_their_request()
    {
        var (patientId, _) = await PrivacyTestKit.PatientWithLoginAsync(portal, Baseline.NoordId);
        var requestId = await AskAsync(patientId);
        await using (var admin = await portal.Services.ScopeAsAsync(Baseline.NoordAdmin))
        {
            Assert.True(await admin.ServiceProvider.GetRequiredService<ErasureService>().HandleAsync(requestId, default));
        }
        var email = await NewLoginAsync(patientId);
        using var patient = portal.CreatePortalClient();
        await patient.LoginAsync(email, PrivacyTestKit.Password);

        var page = await patient.GetPageAsync("/mijn/inzage");

        await using var scope = portal.Services.CreateAsyncScope();
        var administrator = await scope.ServiceProvider.ArrangeDb().Users.SingleAsync(u => u.Email == Baseline.NoordAdmin);
        Assert.Contains($"{administrator.DisplayName} (praktijkbeheerder) handelde uw verzoek om verwijdering af.", page.Text);
    }

    private async Task<List<AccessLogEntry>> LogOfAsync(Guid patientId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.ArrangeDb().AccessLog.AsNoTracking().Where(e => e.PatientId == patientId).OrderBy(e => e.Sequence).ToListAsync();
    }

    /// <summary>The practice invites the patient again after the erasure: a new login on the record that stayed.</summary>
    private async Task<string> NewLoginAsync(Guid patientId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var patient = await db.Patients.SingleAsync(p => p.Id == patientId);
        var email = $"weer-{patientId:N}@voorbeeld.test";
        var account = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = patient.FullName, PracticeId = patient.PracticeId };
        Assert.True((await users.CreateAsync(account, PrivacyTestKit.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(account, Roles.Patient)).Succeeded);
        patient.UserId = account.Id;
        await db.SaveChangesAsync();
        return email;
    }

    private async Task<Guid> AskAsync(Guid patientId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        var request = new ErasureRequest { PatientId = patientId, RequestedAt = portal.PracticeClock().Now };
        db.ErasureRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }
}

public class ErasureRequestsPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_administrator_sees_the_open_request_handles_it_and_it_leaves_the_list()
    {
        var (patientId, _) = await PrivacyTestKit.PatientWithLoginAsync(portal, Baseline.NoordId);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.ArrangeDb();
            db.ErasureRequests.Add(new RugcentrumPortal.Data.ErasureRequest { PatientId = patientId, RequestedAt = portal.PracticeClock().Now });
            await db.SaveChangesAsync();
        }
        await using var workspace = await Components.WorkspaceContext.SignedInAsync(portal, Baseline.NoordAdmin);
        var page = workspace.RenderPage<ErasureRequests>();
        page.WaitForAssertion(() => Assert.Contains("Wies Wissel", page.Find("table").TextContent), TimeSpan.FromSeconds(10));

        await page.InvokeAsync(() => page.Find("button[data-erasure]").Click());

        page.WaitForAssertion(() => Assert.Contains("Het verzoek van Wies Wissel is afgehandeld", page.Find("[role=status]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Contains("Er zijn geen open verzoeken", page.Markup);
    }
}
