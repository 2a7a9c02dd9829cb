using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace RugcentrumPortal.Data;

/// <summary>
/// Work that writes in a transaction of its own. On PostgreSQL and SQL Server the context retries a statement that
/// failed on a dropped connection (a database restart); inside a transaction it can only retry the transaction as a
/// whole, so such work is handed over as one unit that is run again from its first read. Nothing a failed attempt
/// read or changed reaches the next one. On SQLite the unit runs once, as before.
/// </summary>
public static class RetriedWork
{
    /// <summary>Runs <paramref name="unit"/> on a fresh context per attempt; the unit begins its own transactions.</summary>
    public static async Task<T> RetriedAsync<T>(this IDbContextFactory<AppDbContext> contexts,
        Func<AppDbContext, CancellationToken, Task<T>> unit, CancellationToken cancellationToken)
    {
        await using var strategyContext = await contexts.CreateDbContextAsync(cancellationToken);
        return await strategyContext.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var db = await contexts.CreateDbContextAsync(token);
            return await unit(db, token);
        }, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="unit"/> in one transaction on this context, for work that shares it (Identity's user
    /// manager saves through the request's context). A retry starts with an empty change tracker. The unit commits;
    /// a unit that returns without committing has its transaction rolled back.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this DbContext db,
        Func<IDbContextTransaction, CancellationToken, Task<T>> unit, CancellationToken cancellationToken)
    {
        var attempt = 0;
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            if (attempt++ > 0)
            {
                db.ChangeTracker.Clear();
            }
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            return await unit(transaction, token);
        }, cancellationToken);
    }
}
