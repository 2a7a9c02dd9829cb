using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.Privacy;

/// <summary>
/// How long the portal keeps what (docs/decisions/0025-passwords-data-rights-and-retention.md holds the table with its sources). The
/// access log is not here: it has its own rule and is never touched by this feature.
/// </summary>
public static class RetentionRules
{
    /// <summary>WGBO art. 7:454 lid 3: twenty years from the last change to the record.</summary>
    public static readonly TimeSpan MedicalRecord = TimeSpan.FromDays(20 * 365.25);

    /// <summary>Invitation and password-reset links, counted from when they stopped working.</summary>
    public static readonly TimeSpan ClosedLinks = TimeSpan.FromDays(30);

    /// <summary>Sign-in sessions, counted from when they ended or expired: no patient data, kept a month to look back on.</summary>
    public static readonly TimeSpan EndedSessions = TimeSpan.FromDays(30);

    /// <summary>Attempts counted per account: no count matters after an hour, kept a day.</summary>
    public static readonly TimeSpan AccountAttempts = TimeSpan.FromDays(1);

    /// <summary>Which reminders went out: needed only to send each once and to honour its stop link.</summary>
    public static readonly TimeSpan ReminderDeliveries = TimeSpan.FromDays(365);

    /// <summary>
    /// The last change to a patient's care record: the newest moment anything in it was written. The context must
    /// see the patient's record (a widened context for the retention job).
    /// </summary>
    public static async Task<DateTimeOffset> RecordLastChangedAsync(AppDbContext db, Guid patientId, CancellationToken cancellationToken)
    {
        DateTimeOffset?[] moments =
        [
            await db.Patients.Where(p => p.Id == patientId).Select(p => (DateTimeOffset?)p.CreatedAt).SingleOrDefaultAsync(cancellationToken),
            await db.Assessments.Where(a => a.PatientId == patientId).MaxAsync(a => (DateTimeOffset?)a.UpdatedAt, cancellationToken),
            await db.Plans.Where(p => p.PatientId == patientId).MaxAsync(p => (DateTimeOffset?)p.UpdatedAt, cancellationToken),
            await db.OutcomeMeasurements.Where(m => m.PatientId == patientId).MaxAsync(m => (DateTimeOffset?)(m.CompletedAt ?? m.RequestedAt), cancellationToken),
            await db.SessionLogs.Where(l => l.PatientId == patientId).MaxAsync(l => (DateTimeOffset?)l.CreatedAt, cancellationToken),
            await db.WeeklyCheckIns.Where(c => c.PatientId == patientId).MaxAsync(c => (DateTimeOffset?)c.CreatedAt, cancellationToken),
            await db.Messages.Where(m => m.PatientId == patientId).MaxAsync(m => (DateTimeOffset?)m.CreatedAt, cancellationToken),
        ];
        return moments.Where(m => m is not null).Max() ?? DateTimeOffset.MinValue;
    }
}
