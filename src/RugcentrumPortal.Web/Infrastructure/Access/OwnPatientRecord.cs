using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Infrastructure.Access;

/// <summary>The signed-in patient's own record, as far as a page and its access log line need it.</summary>
public sealed record OwnPatient(Guid Id, Guid PracticeId, string FirstName, string LastName, string UserId);

/// <summary>
/// The signed-in patient's record, read once per request: the page, the access log's line for it and the log's
/// name of the patient all ask for the same row, and each asking cost a query of its own.
/// </summary>
public sealed class OwnPatientRecord(IDbContextFactory<AppDbContext> contexts, CurrentUser user)
{
    private Task<OwnPatient?>? record;

    /// <summary>Null for anyone who is not a patient, and for a patient account without a record.</summary>
    public Task<OwnPatient?> GetAsync(CancellationToken cancellationToken) =>
        user.IsPatient ? record ??= ReadAsync(cancellationToken) : Task.FromResult<OwnPatient?>(null);

    private async Task<OwnPatient?> ReadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Patients.AsNoTracking()
            .Select(p => new OwnPatient(p.Id, p.PracticeId, p.FirstName, p.LastName, p.UserId!))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
