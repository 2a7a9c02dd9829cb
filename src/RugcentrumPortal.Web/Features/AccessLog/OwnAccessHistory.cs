using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Infrastructure.Access;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.AccessLog;

/// <summary>
/// One moment, or one short spell of the same thing done again, that someone of the practice looked at or changed
/// the patient's record, as the patient reads it: from <see cref="At"/> to <see cref="Until"/>, <see cref="Times"/> times.
/// </summary>
public sealed record OwnAccessLine(DateTimeOffset At, string StaffName, string Role, AccessEvent Event, string Subject)
{
    public DateTimeOffset Until { get; init; } = At;

    public int Times { get; init; } = 1;
}

/// <summary>
/// The patient's own list: who of the practice looked at or changed their record, oldest first. Their own visits
/// are left out, and so are addresses and ids: the patient wants to know who and what, not how. A therapist who
/// opens the same part of the record again and again in one sitting (every click on its tab is a line in the log)
/// is one line here, with how often.
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
        return Together(lines.Select(l => l with { At = clock.Local(l.At) }).Reverse());
    }

    /// <summary>How long after the previous one the same person doing the same thing still counts as the same sitting.</summary>
    public static readonly TimeSpan Sitting = TimeSpan.FromMinutes(30);

    /// <summary>Joins each line to the one before when it is the same person doing the same to the same part, on the same day, within a sitting.</summary>
    public static IReadOnlyList<OwnAccessLine> Together(IEnumerable<OwnAccessLine> oldestFirst)
    {
        var joined = new List<OwnAccessLine>();
        foreach (var line in oldestFirst)
        {
            if (joined.Count > 0 && joined[^1] is var last && SameSitting(last, line))
            {
                joined[^1] = last with { Until = line.At, Times = last.Times + 1 };
            }
            else
            {
                joined.Add(line);
            }
        }
        return joined;
    }

    private static bool SameSitting(OwnAccessLine last, OwnAccessLine next) =>
        (last.StaffName, last.Role, last.Event, last.Subject) == (next.StaffName, next.Role, next.Event, next.Subject)
        && last.Until.Date == next.At.Date
        && next.At - last.Until <= Sitting;
}
