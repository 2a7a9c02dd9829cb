using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Infrastructure.Access;

namespace RugcentrumPortal.Web.Features.AccessLog;

/// <summary>
/// The one place changes are logged: every save a signed-in user makes through the access rule that adds, changes
/// or removes something of a patient's writes one line per record, after the save succeeded. Work across practices
/// (jobs, the demo, accepting an invitation) acts for nobody in particular and is not a user's access. A conditional
/// bulk statement (ExecuteUpdate, ExecuteDelete) passes no save; its service writes the line itself with
/// <see cref="AccessRecord.Changed"/>.
/// </summary>
/// <remarks>
/// One instance serves every context of the pool; what it keeps between a save and its commit is keyed by the
/// context's current lease, so nothing carries over to the next use of a pooled instance.
/// </remarks>
public sealed class PatientChangeLog : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<object, List<AccessRecord>> pending = new();

    // Saves inside a transaction are logged when it commits: writing the log on another connection meanwhile would
    // wait for the transaction's own lock on SQLite, and a rolled-back change was never made.
    private readonly ConditionalWeakTable<object, List<AccessRecord>> awaitingCommit = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext { Services: { } services } db
            && services.GetRequiredService<CurrentUser>().IsAuthenticated && !db.Scope.SeesAllPractices)
        {
            pending.AddOrUpdate(db.Lease, await ChangesAsync(db, cancellationToken));
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext { Services: { } services } db && pending.TryGetValue(db.Lease, out var records))
        {
            pending.Remove(db.Lease);
            if (db.Database.CurrentTransaction is not null)
            {
                awaitingCommit.GetOrCreateValue(db.Lease).AddRange(records);
            }
            else
            {
                await services.GetRequiredService<AccessLogWriter>().RecordAsync(records, cancellationToken);
            }
        }
        return result;
    }

    public async Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext { Services: { } services } db && awaitingCommit.TryGetValue(db.Lease, out var records))
        {
            awaitingCommit.Remove(db.Lease);
            await services.GetRequiredService<AccessLogWriter>().RecordAsync(records.DistinctBy(r => (r.PatientId, r.Target)).ToList(), cancellationToken);
        }
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        TransactionCommittedAsync(transaction, eventData).GetAwaiter().GetResult();

    public void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Forget(DbContext? db)
    {
        if (db is AppDbContext context)
        {
            pending.Remove(context.Lease);
            awaitingCommit.Remove(context.Lease);
        }
    }

    private static async Task<List<AccessRecord>> ChangesAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        var records = new List<AccessRecord>();
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList())
        {
            if (await PatientOfAsync(db, entry, cancellationToken) is { } patientId)
            {
                var subject = entry.Metadata.ClrType.Name;
                var key = entry.Metadata.FindPrimaryKey()?.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString());
                records.Add(AccessRecord.Changed(patientId, subject, string.Join(",", key ?? [])));
            }
        }
        return records.DistinctBy(r => (r.PatientId, r.Target)).ToList();
    }

    /// <summary>Whose record an entry is: its own patient, or that of the assessment or plan it belongs to.</summary>
    private static async Task<Guid?> PatientOfAsync(AppDbContext db, EntityEntry entry, CancellationToken cancellationToken) => entry.Entity switch
    {
        Patient patient => patient.Id,
        IPatientRecord record => record.PatientId,
        RecoveryPlan plan => plan.PatientId,
        _ when entry.Metadata.FindProperty("AssessmentId") is { } p && entry.Property(p.Name).CurrentValue is Guid assessmentId =>
            db.Assessments.Local.FirstOrDefault(a => a.Id == assessmentId)?.PatientId
            ?? await db.Assessments.Where(a => a.Id == assessmentId).Select(a => (Guid?)a.PatientId).FirstOrDefaultAsync(cancellationToken),
        _ when entry.Metadata.FindProperty("PlanId") is { } p && entry.Property(p.Name).CurrentValue is Guid planId =>
            db.Plans.Local.FirstOrDefault(pl => pl.Id == planId)?.PatientId
            ?? await db.Plans.Where(pl => pl.Id == planId).Select(pl => pl.PatientId).FirstOrDefaultAsync(cancellationToken),
        _ => null,
    };
}
