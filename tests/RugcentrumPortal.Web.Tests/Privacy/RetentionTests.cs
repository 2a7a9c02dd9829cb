using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Privacy;

namespace RugcentrumPortal.Web.Tests.Privacy;

/// <summary>
/// A portal on a fake clock whose retention job is run by hand; fourteen years after the baseline's records were
/// made, so those stay.
/// </summary>
public sealed class RetentionPortal : PortalFactory
{
    public static readonly DateTimeOffset Now = new(2040, 3, 10, 2, 0, 0, TimeSpan.Zero);

    public RetentionPortal()
    {
        WithClock(Now);
        WithSetting("Retention:RunInBackground", "false");
        WithSetting("Reminders:SendInBackground", "false");
    }
}

public class RetentionTests(RetentionPortal portal) : IClassFixture<RetentionPortal>
{
    [Fact]
    public async Task A_record_unchanged_for_twenty_years_is_removed_with_its_login_and_a_record_changed_since_is_kept()
    {
        var longAgo = RetentionPortal.Now.AddYears(-21);
        var (expired, expiredEmail) = await PrivacyTestKit.PatientWithLoginAsync(portal, Baseline.NoordId, longAgo);
        var (stillKept, _) = await PrivacyTestKit.PatientWithLoginAsync(portal, Baseline.NoordId, longAgo);
        await using (var arrange = portal.Services.CreateAsyncScope())
        {
            var db = arrange.ServiceProvider.ArrangeDb();
            db.WeeklyCheckIns.Add(new WeeklyCheckIn { PatientId = stillKept, WeekStart = new DateOnly(2033, 1, 3), Nprs = 2, CreatedAt = RetentionPortal.Now.AddYears(-7) });
            await db.SaveChangesAsync();
        }

        var report = await portal.Services.GetRequiredService<RetentionService>().RunAsync(default);

        Assert.Equal(1, report.Records);
        await using var scope = portal.Services.CreateAsyncScope();
        var check = scope.ServiceProvider.ArrangeDb();
        Assert.False(await check.Patients.AnyAsync(p => p.Id == expired));
        Assert.False(await check.Messages.AnyAsync(m => m.PatientId == expired));
        Assert.False(await check.Users.AnyAsync(u => u.Email == expiredEmail));
        Assert.True(await check.Patients.AnyAsync(p => p.Id == stillKept));
        Assert.True(await check.Messages.AnyAsync(m => m.PatientId == stillKept));
        Assert.True(await check.Patients.AnyAsync(p => p.Id == Baseline.NoordPatientId));
    }

    [Fact]
    public async Task Links_closed_more_than_thirty_days_ago_and_reminder_deliveries_older_than_a_year_go_newer_ones_stay()
    {
        var now = RetentionPortal.Now;
        var therapistId = await UserIdAsync(Baseline.NoordTherapist);
        await using (var arrange = portal.Services.CreateAsyncScope())
        {
            var db = arrange.ServiceProvider.ArrangeDb();
            db.Invitations.AddRange(
                new PatientInvitation { PatientId = Baseline.NoordOtherPatientId, TokenHash = new string('1', 64), CreatedById = therapistId, CreatedAt = now.AddDays(-50), ExpiresAt = now.AddDays(-43) },
                new PatientInvitation { PatientId = Baseline.NoordOtherPatientId, TokenHash = new string('2', 64), CreatedById = therapistId, CreatedAt = now.AddDays(-10), ExpiresAt = now.AddDays(-3) });
            db.ReminderDeliveries.AddRange(
                new ReminderDelivery { PatientId = Baseline.NoordPatientId, Day = new DateOnly(2038, 1, 4), ClaimedAt = now.AddYears(-2) },
                new ReminderDelivery { PatientId = Baseline.NoordPatientId, Day = new DateOnly(2040, 3, 5), ClaimedAt = now.AddDays(-8) });
            await db.SaveChangesAsync();
        }

        await portal.Services.GetRequiredService<RetentionService>().RunAsync(default);

        await using var scope = portal.Services.CreateAsyncScope();
        var check = scope.ServiceProvider.ArrangeDb();
        Assert.Equal([new string('2', 64)], await check.Invitations.Where(i => i.PatientId == Baseline.NoordOtherPatientId).Select(i => i.TokenHash).ToListAsync());
        Assert.Equal([new DateOnly(2040, 3, 5)], await check.ReminderDeliveries.Where(d => d.PatientId == Baseline.NoordPatientId).Select(d => d.Day).ToListAsync());
    }

    [Fact]
    public async Task Sign_in_sessions_ended_or_expired_more_than_thirty_days_ago_go_recent_and_current_ones_stay()
    {
        var now = RetentionPortal.Now;
        var patientId = await UserIdAsync(Baseline.NoordPatient);
        SignInSession Session(int startedDaysAgo, int expiresInDays, int? endedDaysAgo) => new()
        {
            Id = Guid.CreateVersion7(), UserId = patientId, StartedAt = now.AddDays(-startedDaysAgo), ExpiresAt = now.AddDays(expiresInDays),
            EndedAt = endedDaysAgo is { } ago ? now.AddDays(-ago) : null,
        };
        var endedLongAgo = Session(40, -39, 39);
        var expiredLongAgo = Session(32, -31, null);
        var endedRecently = Session(29, -28, 28);
        var expiredRecently = Session(10, -9, null);
        var current = Session(0, 1, null);
        await using (var arrange = portal.Services.CreateAsyncScope())
        {
            var db = arrange.ServiceProvider.ArrangeDb();
            db.SignInSessions.AddRange(endedLongAgo, expiredLongAgo, endedRecently, expiredRecently, current);
            await db.SaveChangesAsync();
        }

        var report = await portal.Services.GetRequiredService<RetentionService>().RunAsync(default);

        Assert.Equal(2, report.Sessions);
        await using var scope = portal.Services.CreateAsyncScope();
        var left = await scope.ServiceProvider.ArrangeDb().SignInSessions.Where(s => s.UserId == patientId).Select(s => s.Id).ToListAsync();
        Assert.Equal(new[] { endedRecently.Id, expiredRecently.Id, current.Id }.Order(), left.Order());
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.ArrangeDb().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}
