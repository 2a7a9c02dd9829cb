using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Infrastructure.Access;

namespace RugcentrumPortal.Web.Features.AccessLog;

/// <summary>What was done with one patient's data, before it is stamped with who, when and where.</summary>
public sealed record AccessRecord(AccessEvent Event, Guid PatientId, string Subject, string Target)
{
    /// <summary>
    /// A change to one of a patient's records, named as a tracked save names it (<see cref="PatientChangeLog"/>); for
    /// a conditional bulk statement, which no save interceptor sees, to log itself.
    /// </summary>
    public static AccessRecord Changed(Guid patientId, string subject, object key) => new(AccessEvent.Change, patientId, subject, $"{subject} {key}");
}

/// <summary>
/// Writes access log lines (NEN 7513) for the signed-in user. Whether the user may reach the patient is asked of the
/// access rule itself: a patient the user cannot see gets no line (the page answers 404 anyway). The lines are
/// linked into the practice's hash chain by the instance's one <see cref="AccessLogAppender"/>.
/// </summary>
public sealed class AccessLogWriter(
    IDbContextFactory<AppDbContext> contexts, CurrentUser user, OwnPatientRecord ownRecord, TimeProvider clock, AccessLogAppender appender)
{
    public Task<bool> RecordAsync(AccessEvent kind, Guid patientId, string subject, string target, CancellationToken cancellationToken) =>
        RecordAsync([new AccessRecord(kind, patientId, subject, target)], cancellationToken);

    /// <summary>
    /// One line about a patient the access rule keeps from the user but whom their service reached for them across
    /// it, e.g. the practice administrator handling a request to erase. Only staff of the patient's own practice get
    /// a line; the service has already refused anyone else. It takes no cancellation: the change it records is made.
    /// </summary>
    public async Task<bool> RecordAcrossRuleAsync(AccessRecord record, Patient patient)
    {
        if (record.PatientId != patient.Id || !user.IsAuthenticated || user.IsPatient || user.PracticeId != patient.PracticeId)
        {
            return false;
        }
        await appender.AppendAsync([Line(record, (patient.PracticeId, patient.FullName.Trim(), patient.UserId), clock.GetUtcNow())]);
        return true;
    }

    /// <summary>Writes one line per record the user may reach; true when at least one was written.</summary>
    public async Task<bool> RecordAsync(IReadOnlyCollection<AccessRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0 || !user.IsAuthenticated)
        {
            return false;
        }
        var patients = new Dictionary<Guid, (Guid PracticeId, string Name, string? UserId)>();
        if (await ownRecord.GetAsync(cancellationToken) is { } own)
        {
            patients[own.Id] = (own.PracticeId, (own.FirstName + " " + own.LastName).Trim(), own.UserId);
        }
        var others = records.Select(r => r.PatientId).Where(id => !patients.ContainsKey(id)).Distinct().ToList();
        if (others.Count > 0)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var found = await db.Patients.AsNoTracking()
                .Where(p => others.Contains(p.Id))
                .Select(p => new { p.Id, p.PracticeId, p.FirstName, p.LastName, p.UserId })
                .ToListAsync(cancellationToken);
            foreach (var p in found)
            {
                patients[p.Id] = (p.PracticeId, (p.FirstName + " " + p.LastName).Trim(), p.UserId);
            }
        }
        var now = clock.GetUtcNow();
        var lines = records
            .Where(r => patients.ContainsKey(r.PatientId))
            .Select(r => Line(r, patients[r.PatientId], now))
            .ToList();
        if (lines.Count > 0)
        {
            await appender.AppendAsync(lines);
        }
        return lines.Count > 0;
    }

    private AccessLogEntry Line(AccessRecord record, (Guid PracticeId, string Name, string? UserId) patient, DateTimeOffset now)
    {
        var self = user.IsPatient && patient.UserId == user.UserId;
        return new AccessLogEntry
        {
            PracticeId = patient.PracticeId,
            Event = record.Event,
            At = now,
            PatientId = record.PatientId,
            PatientName = Clip(patient.Name, 200),
            UserId = user.UserId,
            UserName = Clip(user.DisplayName, 200),
            Role = user.IsTherapist ? Roles.Therapist : user.IsPatient ? Roles.Patient : user.IsPracticeAdmin ? Roles.PracticeAdmin : "",
            OnBehalfOf = self ? AccessOnBehalfOf.PatientThemself : AccessOnBehalfOf.Practice,
            RemoteAddress = user.RemoteAddress,
            Subject = Clip(record.Subject, 80),
            Target = Clip(record.Target, 400),
            PreviousHash = "",
            Hash = "",
        };
    }

    private static string Clip(string value, int length) => value.Length <= length ? value : value[..length];
}
