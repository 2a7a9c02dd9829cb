using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.Privacy;

/// <summary>What one retention run removed.</summary>
public sealed record RetentionReport(int Records, int Links, int ReminderDeliveries, int Sessions, int AccountAttempts);

/// <summary>
/// Removes what is past its retention (see <see cref="RetentionRules"/>) and logs what it removed. Each expired
/// care record goes in one transaction, with the patient's login. It never touches the access log.
/// </summary>
public sealed class RetentionService(IServiceScopeFactory scopes, PracticeClock clock, ILogger<RetentionService> logger)
{
    public async Task<RetentionReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.Now;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>()
            .AcrossPractices("the retention job applies the law's periods to every practice's records");
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        var recordCutoff = now - RetentionRules.MedicalRecord;
        var candidates = await db.Patients.Where(p => p.CreatedAt < recordCutoff).Select(p => p.Id).ToListAsync(cancellationToken);
        var records = 0;
        foreach (var patientId in candidates)
        {
            if (await RetentionRules.RecordLastChangedAsync(db, patientId, cancellationToken) < recordCutoff)
            {
                await RemoveRecordAsync(db, users, patientId, cancellationToken);
                records++;
                logger.LogInformation(PrivacyEvents.RetentionRun, "Care record of patient {PatientId} removed: unchanged for the WGBO's twenty years", patientId);
            }
        }

        var linkCutoff = now - RetentionRules.ClosedLinks;
        var links = await db.Invitations.Where(i => i.ExpiresAt < linkCutoff).ExecuteDeleteAsync(cancellationToken)
            + await db.PasswordResetLinks.Where(l => l.ExpiresAt < linkCutoff).ExecuteDeleteAsync(cancellationToken);
        var dayCutoff = clock.DateOf(now - RetentionRules.ReminderDeliveries);
        var deliveries = await db.ReminderDeliveries.Where(d => d.Day < dayCutoff).ExecuteDeleteAsync(cancellationToken);
        var sessionCutoff = now - RetentionRules.EndedSessions;
        var sessions = await db.SignInSessions.Where(s => s.EndedAt < sessionCutoff || s.ExpiresAt < sessionCutoff).ExecuteDeleteAsync(cancellationToken);
        var attemptCutoff = now - RetentionRules.AccountAttempts;
        var attempts = await db.AccountAttempts.Where(a => a.LastAt < attemptCutoff).ExecuteDeleteAsync(cancellationToken);

        var report = new RetentionReport(records, links, deliveries, sessions, attempts);
        logger.LogInformation(PrivacyEvents.RetentionRun,
            "Retention run: {Records} care records past twenty years, {Links} closed links, {Deliveries} old reminder deliveries, {Sessions} sign-in sessions ended over thirty days ago, {Attempts} old attempt counts removed",
            report.Records, report.Links, report.ReminderDeliveries, report.Sessions, report.AccountAttempts);
        return report;
    }

    // Children before parents: some links between a record's parts do not cascade in the database.
    private static async Task RemoveRecordAsync(AppDbContext db, UserManager<ApplicationUser> users, Guid patientId, CancellationToken cancellationToken)
    {
        await db.InTransactionAsync(async (transaction, attempt) =>
        {
            await db.SessionLogs.Where(l => l.PatientId == patientId).ExecuteDeleteAsync(attempt);
            await db.WeeklyCheckIns.Where(c => c.PatientId == patientId).ExecuteDeleteAsync(attempt);
            await db.OutcomeMeasurements.Where(m => m.PatientId == patientId).ExecuteDeleteAsync(attempt);
            await db.FeedbackReceipts.Where(r => r.PatientId == patientId).ExecuteDeleteAsync(attempt);
            await db.Messages.Where(m => m.PatientId == patientId).ExecuteDeleteAsync(attempt);
            await db.ReminderSettings.Where(r => r.PatientId == patientId).ExecuteDeleteAsync(attempt);
            await db.ReminderDeliveries.Where(r => r.PatientId == patientId).ExecuteDeleteAsync(attempt);
            await db.PushDevices.Where(d => d.PatientId == patientId).ExecuteDeleteAsync(attempt);
            await db.Invitations.Where(i => i.PatientId == patientId).ExecuteDeleteAsync(attempt);
            await db.ErasureRequests.Where(r => r.PatientId == patientId).ExecuteDeleteAsync(attempt);
            await db.Plans.Where(p => p.PatientId == patientId).ExecuteDeleteAsync(attempt);
            await db.Assessments.Where(a => a.PatientId == patientId).ExecuteDeleteAsync(attempt);
            var userId = await db.Patients.Where(p => p.Id == patientId).Select(p => p.UserId).SingleAsync(attempt);
            await db.Patients.Where(p => p.Id == patientId).ExecuteDeleteAsync(attempt);
            if (userId is not null && await users.FindByIdAsync(userId) is { } account)
            {
                await users.DeleteAsync(account);
            }
            await transaction.CommitAsync(attempt);
            return true;
        }, cancellationToken);
        db.ChangeTracker.Clear();
    }
}

/// <summary>Runs the retention once a day on the portal's clock; every instance may, a second run finds nothing.</summary>
public sealed class RetentionJob(RetentionService retention, TimeProvider time, ILogger<RetentionJob> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await retention.RunAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(e, "The retention run failed; trying again tomorrow");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The portal is stopping.
        }
    }
}
