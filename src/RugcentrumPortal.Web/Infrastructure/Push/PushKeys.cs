using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Infrastructure.Push;

/// <summary>The portal's VAPID key pair, base64url as browsers and push services expect it.</summary>
public sealed record VapidKeys(string PublicKey, string PrivateKey);

/// <summary>
/// The portal's own web push keys. Configured keys (<c>Push:PublicKey</c>, <c>Push:PrivateKey</c>) win; otherwise
/// the pair is made on first use and kept in the database, so every instance and every restart signs with the same
/// key and the browsers' subscriptions stay valid. Two instances starting at once insert the same fixed row: one
/// wins, the other reads it.
/// </summary>
public sealed class PushKeys(
    IServiceScopeFactory scopes, IDataProtectionProvider protection, IConfiguration configuration, PracticeClock clock)
{
    private readonly IDataProtector protector = protection.CreateProtector("Push.VapidPrivateKey");
    private readonly SemaphoreSlim once = new(1, 1);
    private VapidKeys? keys;

    public async Task<VapidKeys> GetAsync(CancellationToken cancellationToken)
    {
        if (keys is not null)
        {
            return keys;
        }
        await once.WaitAsync(cancellationToken);
        try
        {
            return keys ??= Configured() ?? await StoredAsync(cancellationToken);
        }
        finally
        {
            once.Release();
        }
    }

    private VapidKeys? Configured() =>
        configuration["Push:PublicKey"] is { Length: > 0 } publicKey && configuration["Push:PrivateKey"] is { Length: > 0 } privateKey
            ? new VapidKeys(publicKey, privateKey)
            : null;

    private async Task<VapidKeys> StoredAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await db.PushKeyPairs.AsNoTracking().SingleOrDefaultAsync(cancellationToken) is { } stored)
            {
                return new VapidKeys(stored.PublicKey, protector.Unprotect(stored.ProtectedPrivateKey));
            }
        }
        var made = Generate();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            db.PushKeyPairs.Add(new PushKeyPair { PublicKey = made.PublicKey, ProtectedPrivateKey = protector.Protect(made.PrivateKey), CreatedAt = clock.Now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return made;
            }
            catch (DbUpdateException)
            {
                // Another instance stored its pair first: that one is the portal's.
            }
        }
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var stored = await db.PushKeyPairs.AsNoTracking().SingleAsync(cancellationToken);
            return new VapidKeys(stored.PublicKey, protector.Unprotect(stored.ProtectedPrivateKey));
        }
    }

    /// <summary>A P-256 pair: the public key as an uncompressed point (0x04, X, Y), the private key as its scalar.</summary>
    private static VapidKeys Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        byte[] point = [0x04, .. parameters.Q.X!, .. parameters.Q.Y!];
        return new VapidKeys(WebEncoders.Base64UrlEncode(point), WebEncoders.Base64UrlEncode(parameters.D!));
    }
}
