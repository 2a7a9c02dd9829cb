using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Admin;
using RugcentrumPortal.Web.Features.PatientPortal;
using RugcentrumPortal.Web.Infrastructure.Security;

namespace RugcentrumPortal.Web.Tests.AccessLog;

/// <summary>What the logs say about expected refusals and about security: facts under stable names, no false alarms.</summary>
public class LogNoiseTests(LoggedPortal portal) : IClassFixture<LoggedPortal>
{
    [Fact]
    public async Task A_repeated_form_submission_is_logged_as_information_without_an_error_or_stack_trace()
    {
        var plan = await TestPlans.ActiveAsync(portal, Baseline.NoordPatientId, "chin-tuck");
        var input = new SessionLogInput { Outcome = "Done", SubmissionId = Guid.NewGuid().ToString() };
        var before = portal.Log.Entries.Count;

        for (var i = 0; i < 2; i++)
        {
            await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordPatient);
            await scope.ServiceProvider.GetRequiredService<PatientPortalService>().LogSessionAsync(plan.Exercises[0].Id, input, default);
        }

        var written = portal.Log.Entries.Skip(before).ToList();
        Assert.DoesNotContain(written, e => e.Level >= LogLevel.Warning);
        Assert.DoesNotContain(written, e => e.Exception is not null);
        var duplicate = Assert.Single(written, e => e.EventId.Name == "DuplicateRefused");
        Assert.Equal(LogLevel.Information, duplicate.Level);
    }

    [Fact]
    public async Task Failed_and_successful_logins_are_security_events_naming_the_account_not_the_address()
    {
        using var client = portal.CreatePortalClient();
        var before = portal.Log.Entries.Count;

        await client.LoginAsync(Baseline.NoordTherapist, "niet het goede wachtwoord");
        await client.LoginAsync(Baseline.NoordTherapist);

        var security = portal.Log.Entries.Skip(before).Where(e => e.Category == SecurityEvents.Category).ToList();
        Assert.Equal(["LoginFailed", "LoginSucceeded"], security.Select(e => e.EventId.Name));
        Assert.All(security, e => Assert.DoesNotContain(Baseline.NoordTherapist, e.Message));
    }

    [Fact]
    public async Task Blocking_an_account_is_a_security_event()
    {
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordAdmin);
        var db = scope.ServiceProvider.ArrangeDb();
        var colleague = db.Users.Single(u => u.Email == Baseline.NoordSecondTherapist);
        var before = portal.Log.Entries.Count;

        await scope.ServiceProvider.GetRequiredService<AccountsService>().ToggleBlockAsync(colleague.Id, default);
        await scope.ServiceProvider.GetRequiredService<AccountsService>().ToggleBlockAsync(colleague.Id, default);

        var security = portal.Log.Entries.Skip(before).Where(e => e.Category == SecurityEvents.Category).Select(e => e.EventId.Name);
        Assert.Equal(["AccountBlocked", "SessionsEnded", "AccountUnblocked"], security);
    }
}
