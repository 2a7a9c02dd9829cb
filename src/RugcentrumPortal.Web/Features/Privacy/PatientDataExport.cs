using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.Privacy;

/// <summary>
/// Everything the portal holds about one patient, for their right of access (GDPR art. 15, WGBO art. 7:456): the
/// record as stored, their own logs, check-ins and messages, their reminders and devices, and their requests to
/// erase. Secrets are left out (link hashes, push keys): they are not about the patient and would only help an
/// attacker who found the file.
/// </summary>
public sealed record PatientDataExport(
    [property: JsonIgnore] Guid PatientId,
    DateTimeOffset MadeAt,
    object Patient,
    object? Account,
    IReadOnlyList<ClinicalAssessment> Assessments,
    IReadOnlyList<RecoveryPlan> Plans,
    IReadOnlyList<OutcomeMeasurement> OutcomeMeasurements,
    IReadOnlyList<SessionLog> SessionLogs,
    IReadOnlyList<WeeklyCheckIn> WeeklyCheckIns,
    IReadOnlyList<object> Messages,
    object? ReminderSettings,
    IReadOnlyList<ReminderDelivery> ReminderDeliveries,
    IReadOnlyList<object> Devices,
    IReadOnlyList<ErasureRequest> ErasureRequests)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);
}

/// <summary>Gathers <see cref="PatientDataExport"/> for the signed-in patient.</summary>
public sealed class PatientDataExporter(IDbContextFactory<AppDbContext> contexts, PracticeClock clock)
{
    /// <summary>The signed-in patient's data; null when their login is not linked to a patient.</summary>
    public async Task<PatientDataExport?> ForSignedInPatientAsync(CancellationToken cancellationToken)
    {
        await using var own = await contexts.CreateDbContextAsync(cancellationToken);
        var patientId = await own.Patients.Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (patientId is not { } id)
        {
            return null;
        }
        return await ForPatientAsync(id, cancellationToken);
    }

    private async Task<PatientDataExport> ForPatientAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The patient's own page narrows them to what they use day to day (their active plan, no assessments); the
        // right of access reaches the whole record, so this one read is widened, and narrowed by the patient's id.
        db.AcrossPractices("the patient's right of access covers their whole record; every query below is narrowed to their own id");
        var patient = await db.Patients.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new
            {
                p.Id, p.FirstName, p.LastName, p.DateOfBirth, p.Email, p.Phone, p.CreatedAt,
                Practice = p.Practice!.Name, Therapist = p.Therapist!.DisplayName, p.UserId,
            })
            .SingleAsync(cancellationToken);
        var account = patient.UserId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == patient.UserId)
            .Select(u => new { u.Email, u.DisplayName, TwoFactorEnabled = u.TwoFactorEnabled })
            .SingleOrDefaultAsync(cancellationToken);
        var names = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var messages = await db.Messages.AsNoTracking().Where(m => m.PatientId == id).OrderBy(m => m.CreatedAt).ToListAsync(cancellationToken);
        var devices = await db.PushDevices.AsNoTracking().Where(d => d.PatientId == id).OrderBy(d => d.CreatedAt)
            .Select(d => new { d.Id, d.CreatedAt }).ToListAsync(cancellationToken);

        return new PatientDataExport(
            patient.Id,
            clock.Now,
            new { patient.Id, patient.FirstName, patient.LastName, patient.DateOfBirth, patient.Email, patient.Phone, patient.CreatedAt, patient.Practice, patient.Therapist },
            account,
            await db.Assessments.AsNoTracking().Where(a => a.PatientId == id)
                .Include(a => a.Ratings).Include(a => a.PatternReviews).Include(a => a.MovementTests).Include(a => a.Examination)
                .AsSplitQuery().OrderBy(a => a.CreatedAt).ToListAsync(cancellationToken),
            await db.Plans.AsNoTracking().Where(p => p.PatientId == id).Include(p => p.Phases).Include(p => p.Exercises)
                .AsSplitQuery().OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken),
            await db.OutcomeMeasurements.AsNoTracking().Where(m => m.PatientId == id).OrderBy(m => m.RequestedAt).ToListAsync(cancellationToken),
            await db.SessionLogs.AsNoTracking().Where(l => l.PatientId == id).OrderBy(l => l.Day).ToListAsync(cancellationToken),
            await db.WeeklyCheckIns.AsNoTracking().Where(c => c.PatientId == id).OrderBy(c => c.WeekStart).ToListAsync(cancellationToken),
            messages.Select(m => (object)new
            {
                m.CreatedAt, From = m.FromPatient ? patient.FirstName + " " + patient.LastName : names.GetValueOrDefault(m.AuthorUserId, ""),
                m.FromPatient, m.Text, m.ReadAt,
            }).ToList(),
            await db.ReminderSettings.AsNoTracking().Where(r => r.PatientId == id)
                .Select(r => new { r.Enabled, r.ByEmail, r.ByPush, r.Days, r.At, r.Language, r.UpdatedAt }).SingleOrDefaultAsync(cancellationToken),
            await db.ReminderDeliveries.AsNoTracking().Where(r => r.PatientId == id).OrderBy(r => r.Day).ToListAsync(cancellationToken),
            devices.Select(d => (object)d).ToList(),
            await db.ErasureRequests.AsNoTracking().Where(r => r.PatientId == id).OrderBy(r => r.RequestedAt).ToListAsync(cancellationToken));
    }
}
