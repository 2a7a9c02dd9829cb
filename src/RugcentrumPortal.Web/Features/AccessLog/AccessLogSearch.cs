using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Infrastructure.Access;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.AccessLog;

/// <summary>What the administrator searches for; empty parts do not narrow. Names match on any part, any case.</summary>
public sealed record AccessLogQuery(string? Patient = null, string? User = null, DateOnly? From = null, DateOnly? To = null, int Page = 1);

public sealed record AccessLogRow(long Sequence, DateTimeOffset At, AccessEvent Event, string PatientName, string UserName, string Role,
    AccessOnBehalfOf OnBehalfOf, string? RemoteAddress, string Subject, string Target);

public sealed record AccessLogResults(IReadOnlyList<AccessLogRow> Rows, int Total, int Page, int PageCount);

/// <summary>
/// The practice administrator's view of the practice's access log: newest first, a page at a time, and only their
/// own practice's chain. Anyone else gets nothing.
/// </summary>
public sealed class AccessLogSearch(IDbContextFactory<AppDbContext> contexts, CurrentUser user, PracticeClock clock, AccessLogVerifier verifier)
{
    public const int PageSize = 25;

    public async Task<AccessLogResults> SearchAsync(AccessLogQuery query, CancellationToken cancellationToken)
    {
        if (!user.IsPracticeAdmin)
        {
            return new AccessLogResults([], 0, 1, 1);
        }
        var practiceId = user.PracticeId;
        await using var db = (await contexts.CreateDbContextAsync(cancellationToken))
            .AcrossPractices("the administrator reads the practice's access log; narrowed to that practice below");
        var lines = db.AccessLog.AsNoTracking().Where(e => e.PracticeId == practiceId);
        if (Words(query.Patient) is { } patient)
        {
            lines = lines.Where(e => e.PatientName.ToLower().Contains(patient));
        }
        if (Words(query.User) is { } name)
        {
            lines = lines.Where(e => e.UserName.ToLower().Contains(name));
        }
        if (query.From is { } from)
        {
            var start = clock.StartOf(from);
            lines = lines.Where(e => e.At >= start);
        }
        if (query.To is { } to)
        {
            var end = clock.StartOf(to.AddDays(1));
            lines = lines.Where(e => e.At < end);
        }
        var total = await lines.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var rows = await lines.OrderByDescending(e => e.Sequence)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(e => new AccessLogRow(e.Sequence, e.At, e.Event, e.PatientName, e.UserName, e.Role, e.OnBehalfOf, e.RemoteAddress, e.Subject, e.Target))
            .ToListAsync(cancellationToken);
        return new AccessLogResults(rows.Select(r => r with { At = clock.Local(r.At) }).ToList(), total, page, pageCount);
    }

    /// <summary>Whether the practice's chain is intact; null for anyone but its administrator.</summary>
    public async Task<ChainCheck?> VerifyAsync(CancellationToken cancellationToken) =>
        user.IsPracticeAdmin ? await verifier.VerifyAsync(user.PracticeId, cancellationToken) : null;

    private static string? Words(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ToLowerInvariant();
}
