using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Infrastructure.Security;

namespace RugcentrumPortal.Web.Features.AccessLog;

/// <summary>The outcome of walking a practice's chain: intact, or the first line whose link does not hold.</summary>
public sealed record ChainCheck(long LinesChecked, long? FirstBrokenSequence)
{
    public bool IsIntact => FirstBrokenSequence is null;
}

/// <summary>
/// Walks a practice's access log from its first line and recomputes every hash: a line that was changed, removed or
/// slipped in breaks the chain at that place, and the check names the first such line.
/// </summary>
public sealed class AccessLogVerifier(IDbContextFactory<AppDbContext> contexts, SecurityEvents security)
{
    public async Task<ChainCheck> VerifyAsync(Guid practiceId, CancellationToken cancellationToken)
    {
        await using var db = (await contexts.CreateDbContextAsync(cancellationToken))
            .AcrossPractices("checking a practice's access log reads every line of its chain");
        var lines = db.AccessLog.AsNoTracking()
            .Where(e => e.PracticeId == practiceId)
            .OrderBy(e => e.Sequence)
            .AsAsyncEnumerable();
        var expectedSequence = 1L;
        var previousHash = AccessLogEntry.GenesisHash;
        var count = 0L;
        await foreach (var line in lines.WithCancellation(cancellationToken))
        {
            if (line.Sequence != expectedSequence || line.PreviousHash != previousHash || line.Hash != line.ComputeHash())
            {
                var broken = Math.Min(line.Sequence, expectedSequence);
                security.AccessLogChainBroken(practiceId, broken);
                return new ChainCheck(count, broken);
            }
            count++;
            expectedSequence++;
            previousHash = line.Hash;
        }
        return new ChainCheck(count, null);
    }
}
