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
/// access rule itself: a patient the user cannot see gets no line (the page answers 404 anyway). Lines are appended
/// to the practice's hash chain; two writers that read the same last line both try the same sequence number, the
/// unique index lets one in and the other reads the new last line and tries again, so the chain never forks.
/// </summary>
public sealed class AccessLogWriter(IDbContextFactory<AppDbContext> contexts, CurrentUser user, TimeProvider clock)
{
    private const int Attempts = 50;

    public Task<bool> RecordAsync(AccessEvent kind, Guid patientId, string subject, string target, CancellationToken cancellationToken) =>
        RecordAsync([new AccessRecord(kind, patientId, subject, target)], cancellationToken);

    /// <summary>Writes one line per record the user may reach; true when at least one was written.</summary>
    public async Task<bool> RecordAsync(IReadOnlyCollection<AccessRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0 || !user.IsAuthenticated)
        {
            return false;
        }
        var patientIds = records.Select(r => r.PatientId).Distinct().ToList();
        Dictionary<Guid, (Guid PracticeId, string Name, string? UserId)> patients;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            patients = await db.Patients.AsNoTracking()
                .Where(p => patientIds.Contains(p.Id))
                .Select(p => new { p.Id, p.PracticeId, p.FirstName, p.LastName, p.UserId })
                .ToDictionaryAsync(p => p.Id, p => (p.PracticeId, (p.FirstName + " " + p.LastName).Trim(), p.UserId), cancellationToken);
        }
        var now = clock.GetUtcNow();
        var lines = records
            .Where(r => patients.ContainsKey(r.PatientId))
            .Select(r => Line(r, patients[r.PatientId], now))
            .ToList();
        foreach (var chain in lines.GroupBy(l => l.PracticeId))
        {
            await AppendAsync(chain.Key, chain.ToList(), cancellationToken);
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

    private async Task AppendAsync(Guid practiceId, List<AccessLogEntry> lines, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = (await contexts.CreateDbContextAsync(cancellationToken))
                .AcrossPractices("appending to a practice's access log needs its last line, whoever writes");
            var previous = await db.AccessLog.AsNoTracking()
                .Where(e => e.PracticeId == practiceId)
                .OrderByDescending(e => e.Sequence)
                .FirstOrDefaultAsync(cancellationToken);
            var fresh = lines.Select(Copy).ToList();
            foreach (var line in fresh)
            {
                line.LinkAfter(previous);
                previous = line;
            }
            db.AccessLog.AddRange(fresh);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException e) when (db.IsUniqueViolation(e) && attempt < Attempts)
            {
                // Another writer took this place in the chain first: link after its line instead.
            }
        }
    }

    // Each attempt gets new objects: the ones a failed save tracked belong to that context.
    private static AccessLogEntry Copy(AccessLogEntry line) => new()
    {
        PracticeId = line.PracticeId, Event = line.Event, At = line.At, PatientId = line.PatientId, PatientName = line.PatientName,
        UserId = line.UserId, UserName = line.UserName, Role = line.Role, OnBehalfOf = line.OnBehalfOf,
        RemoteAddress = line.RemoteAddress, Subject = line.Subject, Target = line.Target, PreviousHash = "", Hash = "",
    };

    private static string Clip(string value, int length) => value.Length <= length ? value : value[..length];
}
