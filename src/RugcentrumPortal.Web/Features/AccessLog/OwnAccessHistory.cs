using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Infrastructure.Access;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.AccessLog;

/// <summary>One moment someone of the practice looked at or changed the patient's record, as the patient reads it.</summary>
public sealed record OwnAccessLine(DateTimeOffset At, string StaffName, string Role, AccessEvent Event, string Subject);

/// <summary>
/// The patient's own list: who of the practice looked at or changed their record, oldest first. Their own visits
/// are left out, and so are addresses and ids: the patient wants to know who and what, not how.
/// </summary>
public sealed class OwnAccessHistory(IDbContextFactory<AppDbContext> contexts, CurrentUser user, PracticeClock clock)
{
    public const int Limit = 500;

    public async Task<IReadOnlyList<OwnAccessLine>> ListAsync(CancellationToken cancellationToken)
    {
        if (!user.IsPatient)
        {
            return [];
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The access rule lets a patient read only the lines about their own record.
        var lines = await db.AccessLog.AsNoTracking()
            .Where(e => e.OnBehalfOf == AccessOnBehalfOf.Practice)
            .OrderByDescending(e => e.Sequence)
            .Take(Limit)
            .Select(e => new OwnAccessLine(e.At, e.UserName, e.Role, e.Event, e.Subject))
            .ToListAsync(cancellationToken);
        return lines.Select(l => l with { At = clock.Local(l.At) }).Reverse().ToList();
    }
}
