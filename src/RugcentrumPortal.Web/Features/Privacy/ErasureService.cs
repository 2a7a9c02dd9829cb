using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.AccessLog;
using RugcentrumPortal.Web.Infrastructure.Access;
using RugcentrumPortal.Web.Infrastructure.Mail;
using RugcentrumPortal.Web.Infrastructure.Security;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.Privacy;

/// <summary>The patient's own view of their requests to erase; times in the practice's local time.</summary>
public sealed record ErasureStatus(DateTimeOffset RequestedAt, DateTimeOffset? HandledAt, string? Outcome);

/// <summary>An open request as the practice administrator sees it.</summary>
public sealed record OpenErasureRequest(Guid Id, Guid PatientId, string PatientName, DateTimeOffset RequestedAt);

/// <summary>
/// Requests to erase (GDPR art. 17) and how the practice handles them within the WGBO: what only serves the portal
/// goes (the login, reminder settings and their history, push devices, open links); the care record stays for the
/// retention period (see <see cref="RetentionRules"/>), because the law requires the practice to keep it. The
/// patient is told both in plain words, by mail, as after handling they no longer have a login to read it.
/// </summary>
public sealed class ErasureService(
    IDbContextFactory<AppDbContext> contexts, AppDbContext identityContext, UserManager<ApplicationUser> users, CurrentUser user,
    PracticeClock clock, IMailSender mail, IStringLocalizer<Texts> text, ILogger<ErasureService> logger, SecurityEvents security,
    AccessLogWriter accessLog)
{
    /// <summary>The signed-in patient asks; a second ask while one is open records nothing new.</summary>
    public async Task<bool> RequestAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var patientId = await db.Patients.Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (patientId is not { } id)
        {
            return false;
        }
        if (!await db.ErasureRequests.AnyAsync(r => r.PatientId == id && r.HandledAt == null, cancellationToken))
        {
            db.ErasureRequests.Add(new ErasureRequest { PatientId = id, RequestedAt = clock.Now });
            await db.SaveChangesAsync(cancellationToken);
            security.ErasureRequested(id, user.UserId);
        }
        return true;
    }

    public async Task<IReadOnlyList<ErasureStatus>> OwnRequestsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var requests = await db.ErasureRequests.OrderByDescending(r => r.RequestedAt).ToListAsync(cancellationToken);
        return requests.Select(r => new ErasureStatus(clock.Local(r.RequestedAt), r.HandledAt is { } h ? clock.Local(h) : null, r.Outcome)).ToList();
    }

    /// <summary>The open requests of the administrator's practice, oldest first.</summary>
    public async Task<IReadOnlyList<OpenErasureRequest>> OpenRequestsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var practiceId = user.PracticeId;
        db.AcrossPractices("the practice administrator handles erasure requests of their own practice; narrowed to it below");
        var open = await db.ErasureRequests.Where(r => r.HandledAt == null && r.Patient!.PracticeId == practiceId)
            .OrderBy(r => r.RequestedAt)
            .Select(r => new { r.Id, r.PatientId, r.Patient!.FirstName, r.Patient.LastName, r.RequestedAt })
            .ToListAsync(cancellationToken);
        return open.Select(r => new OpenErasureRequest(r.Id, r.PatientId, r.FirstName + " " + r.LastName, clock.Local(r.RequestedAt))).ToList();
    }

    /// <summary>
    /// Removes what may go and records what was done, on the request and as one line in the patient's access log;
    /// false when the request is unknown, of another practice, or already handled. The login goes last, after the
    /// rest is saved, so a failure leaves the patient able to ask again.
    /// </summary>
    public async Task<bool> HandleAsync(Guid requestId, CancellationToken cancellationToken)
    {
        identityContext.ChangeTracker.Clear();
        // Read, removal and record are one unit, run again from the read after a dropped connection (ADR 0030).
        var handled = await identityContext.InTransactionAsync((transaction, attempt) => EraseAsync(transaction, requestId, attempt), cancellationToken);
        if (handled is null)
        {
            return false;
        }
        var (request, erased) = handled.Value;
        var patient = request.Patient!;
        // After the commit, as every logged change is: on SQLite the log's own connection would wait for this
        // transaction's lock. The bulk deletes pass no save, so this one line names all they removed.
        await accessLog.RecordAcrossRuleAsync(
            new AccessRecord(AccessEvent.Erasure, patient.Id, nameof(ErasureRequest), $"{nameof(ErasureRequest)} {request.Id}: {erased}"), patient);
        await mail.SendAsync(new OutgoingMail(patient.Email, text["Erasure.Mail.Subject", patient.Practice!.Name],
            text["Erasure.Mail.Body", patient.FirstName, request.Outcome!, patient.Practice.Name]), cancellationToken);
        logger.LogInformation(PrivacyEvents.ErasureHandled, "Erasure request {RequestId} of patient {PatientId} handled by {UserId}: {Removed}",
            request.Id, patient.Id, user.UserId, string.Join(", ", erased.Named(text)));
        return true;
    }

    private async Task<(ErasureRequest Request, ErasedRows Erased)?> EraseAsync(IDbContextTransaction transaction, Guid requestId, CancellationToken cancellationToken)
    {
        var practiceId = user.PracticeId;
        identityContext.AcrossPractices("the practice administrator handles erasure requests of their own practice; narrowed to it below");
        var request = await identityContext.ErasureRequests.Include(r => r.Patient).ThenInclude(p => p!.Practice)
            .SingleOrDefaultAsync(r => r.Id == requestId && r.HandledAt == null && r.Patient!.PracticeId == practiceId, cancellationToken);
        if (request is null)
        {
            return null;
        }
        var patient = request.Patient!;
        var erased = new ErasedRows(
            await identityContext.ReminderSettings.Where(r => r.PatientId == patient.Id).ExecuteDeleteAsync(cancellationToken),
            await identityContext.ReminderDeliveries.Where(r => r.PatientId == patient.Id).ExecuteDeleteAsync(cancellationToken),
            await identityContext.PushDevices.Where(d => d.PatientId == patient.Id).ExecuteDeleteAsync(cancellationToken),
            await identityContext.Invitations.Where(i => i.PatientId == patient.Id).ExecuteDeleteAsync(cancellationToken),
            Login: 0);

        var account = patient.UserId is null ? null : await users.FindByIdAsync(patient.UserId);
        if (account is not null)
        {
            patient.UserId = null;
            await identityContext.SaveChangesAsync(cancellationToken);
            var deleted = await users.DeleteAsync(account);
            if (!deleted.Succeeded)
            {
                throw new InvalidOperationException("The patient's login could not be removed: " + string.Join("; ", deleted.Errors.Select(e => e.Code)));
            }
            erased = erased with { Login = 1 };
        }

        var now = clock.Now;
        var removed = erased.Named(text);
        var keptUntil = clock.Local(await RetentionRules.RecordLastChangedAsync(identityContext, patient.Id, cancellationToken) + RetentionRules.MedicalRecord);
        var outcome = text["Erasure.Outcome", removed.Count == 0 ? text["Erasure.Removed.Nothing"] : string.Join(", ", removed), keptUntil.ToString("d MMMM yyyy")].Value;
        request.HandledAt = now;
        request.HandledById = user.UserId;
        request.Outcome = outcome.Length > ErasureRequest.OutcomeMaxLength ? outcome[..ErasureRequest.OutcomeMaxLength] : outcome;
        await identityContext.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (request, erased);
    }

    /// <summary>How many rows of each kind the handling removed, as the access log names them.</summary>
    private sealed record ErasedRows(int ReminderSettings, int ReminderDeliveries, int PushDevices, int Invitations, int Login)
    {
        /// <summary>What was removed in the patient's words; invitations are the practice's, not named to the patient.</summary>
        public List<string> Named(IStringLocalizer<Texts> text)
        {
            var named = new List<string>();
            if (ReminderSettings + ReminderDeliveries > 0)
            {
                named.Add(text["Erasure.Removed.Reminders"]);
            }
            if (PushDevices > 0)
            {
                named.Add(text["Erasure.Removed.Devices"]);
            }
            if (Login > 0)
            {
                named.Add(text["Erasure.Removed.Login"]);
            }
            return named;
        }

        public override string ToString() =>
            $"removed {nameof(RugcentrumPortal.Data.ReminderSettings)} {ReminderSettings}, {nameof(ReminderDelivery)} {ReminderDeliveries}, " +
            $"{nameof(PushDevice)} {PushDevices}, {nameof(PatientInvitation)} {Invitations}, login {Login}";
    }
}

public static class PrivacyEvents
{
    public static readonly EventId ErasureHandled = new(5202, nameof(ErasureHandled));
    public static readonly EventId RetentionRun = new(5204, nameof(RetentionRun));
}
