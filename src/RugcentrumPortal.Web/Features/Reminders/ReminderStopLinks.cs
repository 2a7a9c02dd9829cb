using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.Reminders;

public enum StopOutcome
{
    Stopped,
    AlreadyUsed,
    NotValid,
}

/// <summary>
/// The stop link in every reminder: a token signed with the portal's data protection keys that names the one
/// reminder it came with. It works without signing in, once: using it marks that reminder's link used and switches
/// the patient's reminders off in one transaction. A token the portal did not sign names nothing and changes nothing.
/// </summary>
public sealed class ReminderStopLinks(IDataProtectionProvider protection, IServiceScopeFactory scopes, PracticeClock clock)
{
    public const string Path = "herinneringen/stop";

    private readonly IDataProtector protector = protection.CreateProtector("Reminders.StopLink");

    public string TokenFor(Guid deliveryId) => protector.Protect(deliveryId.ToString("N"));

    public async Task<StopOutcome> StopAsync(string? token, CancellationToken cancellationToken)
    {
        if (DeliveryIn(token) is not { } deliveryId)
        {
            return StopOutcome.NotValid;
        }
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().RetriedAsync(async (db, attempt) =>
        {
            db.AcrossPractices("the stop link works without signing in; its signed token names the reminder");
            var delivery = await db.ReminderDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deliveryId, attempt);
            if (delivery is null)
            {
                return StopOutcome.NotValid;
            }
            var now = clock.Now;
            await using var transaction = await db.Database.BeginTransactionAsync(attempt);
            // Conditional: of two clicks at once only one finds the link unused.
            var claimed = await db.ReminderDeliveries.Where(d => d.Id == deliveryId && d.StopUsedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.StopUsedAt, now), attempt);
            if (claimed == 0)
            {
                return StopOutcome.AlreadyUsed;
            }
            await db.ReminderSettings.Where(s => s.PatientId == delivery.PatientId)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.Enabled, false).SetProperty(s => s.UpdatedAt, now), attempt);
            await transaction.CommitAsync(attempt);
            return StopOutcome.Stopped;
        }, cancellationToken);
    }

    private Guid? DeliveryIn(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return null;
        }
        try
        {
            return Guid.TryParseExact(protector.Unprotect(token), "N", out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
