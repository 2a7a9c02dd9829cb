using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Infrastructure.Security;

/// <summary>
/// Counts attempts per account in the database, so every instance of the portal sees the same count (ADR 0027: two
/// instances must not give an attacker twice the guesses). Each count changes in one conditional statement, so
/// attempts at the same moment on different instances are all counted. What is counted is stored as a hash, so the
/// table shows no address as typed (an unsalted hash of a known address can still be recognised).
/// </summary>
public sealed class AccountAttemptCounter(IServiceScopeFactory scopes, PracticeClock clock)
{
    private const int Tries = 3;

    /// <summary>The count for this purpose and account, or null when none is kept.</summary>
    public async Task<AccountAttempt?> ReadAsync(string purpose, string account, CancellationToken cancellationToken = default)
    {
        var key = Key(purpose, account);
        await using var scope = scopes.CreateAsyncScope();
        return await Db(scope).AccountAttempts.AsNoTracking().SingleOrDefaultAsync(a => a.Key == key, cancellationToken);
    }

    /// <summary>Counts one more failure; a count whose last failure is older than <paramref name="forgetAfter"/> starts again at one.</summary>
    public async Task CountFailureAsync(string purpose, string account, TimeSpan forgetAfter, CancellationToken cancellationToken = default)
    {
        var key = Key(purpose, account);
        var now = clock.Now;
        var stale = now - forgetAfter;
        await using var scope = scopes.CreateAsyncScope();
        var db = Db(scope);
        for (var attempt = 0; attempt < Tries; attempt++)
        {
            var counted = await db.AccountAttempts.Where(a => a.Key == key).ExecuteUpdateAsync(set => set
                .SetProperty(a => a.Count, a => a.LastAt < stale ? 1 : a.Count + 1)
                .SetProperty(a => a.Since, a => a.LastAt < stale ? now : a.Since)
                .SetProperty(a => a.LastAt, now), cancellationToken);
            if (counted == 1 || await TryInsertAsync(db, key, now, cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>Forgets the count, e.g. after the right password.</summary>
    public async Task ForgetAsync(string purpose, string account, CancellationToken cancellationToken = default)
    {
        var key = Key(purpose, account);
        await using var scope = scopes.CreateAsyncScope();
        await Db(scope).AccountAttempts.Where(a => a.Key == key).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Counts one attempt within a fixed window (e.g. an hour from the first attempt) when fewer than
    /// <paramref name="permitted"/> were counted in it; false when the limit is reached.
    /// </summary>
    public async Task<bool> TryCountAsync(string purpose, string account, int permitted, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var key = Key(purpose, account);
        var now = clock.Now;
        var windowStart = now - window;
        await using var scope = scopes.CreateAsyncScope();
        var db = Db(scope);
        for (var attempt = 0; attempt < Tries; attempt++)
        {
            if (await db.AccountAttempts.Where(a => a.Key == key && a.Since > windowStart && a.Count < permitted)
                    .ExecuteUpdateAsync(set => set.SetProperty(a => a.Count, a => a.Count + 1).SetProperty(a => a.LastAt, now), cancellationToken) == 1
                || await db.AccountAttempts.Where(a => a.Key == key && a.Since <= windowStart)
                    .ExecuteUpdateAsync(set => set.SetProperty(a => a.Count, 1).SetProperty(a => a.Since, now).SetProperty(a => a.LastAt, now), cancellationToken) == 1)
            {
                return permitted > 0;
            }
            if (await db.AccountAttempts.AsNoTracking().SingleOrDefaultAsync(a => a.Key == key, cancellationToken) is { } seen)
            {
                if (seen.Since > windowStart && seen.Count >= permitted)
                {
                    return false;
                }
                continue;
            }
            if (permitted > 0 && await TryInsertAsync(db, key, now, cancellationToken))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The first count for a key; false when another request inserted it first.</summary>
    private static async Task<bool> TryInsertAsync(AppDbContext db, string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.AccountAttempts.Add(new AccountAttempt { Key = key, Count = 1, Since = now, LastAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static AppDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<AppDbContext>();

    private static string Key(string purpose, string account) =>
        purpose + ":" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(account.Trim().ToUpperInvariant())));
}
