using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.AccessLog;

/// <summary>
/// Appends access log lines to their practice's hash chain, one writer per instance, in batches. Every page that
/// shows patient data writes a line; when each request linked its own line, concurrent requests of one practice
/// raced for the same place in the chain and all but one started again, so a busy practice spent its time
/// retrying. Here the lines that arrive while a batch is being written wait for the next one and are linked
/// together behind one read of the chain's last line. A caller's task ends when its lines are stored, so a page
/// is still only shown after its line is written. Another instance can still take a place first; the unique
/// index on the sequence refuses the batch and it is linked again behind the new last line.
/// </summary>
public sealed class AccessLogAppender : IAsyncDisposable
{
    private const int Attempts = 50;
    private const int MostLinesPerBatch = 500;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lazy<Task> writer;

    public AccessLogAppender(IServiceScopeFactory scopes, ILogger<AccessLogAppender> logger) =>
        writer = new Lazy<Task>(() =>
        {
            // The writer outlives the request that starts it and must not carry that request's async state: started
            // inside a retried unit of work, it took EF Core's "a retry is already under way" along, and never
            // retried a save of its own.
            using (ExecutionContext.SuppressFlow())
            {
                return Task.Run(() => WriteAsync(scopes, logger, queue.Reader));
            }
        });

    public Task AppendAsync(IReadOnlyList<AccessLogEntry> lines)
    {
        var pending = new Pending(lines, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _ = writer.Value;
        if (!queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(AccessLogAppender), "The portal is stopping; the access log takes no more lines.");
        }
        return pending.Stored.Task;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        if (writer.IsValueCreated)
        {
            await writer.Value;
        }
    }

    private static async Task WriteAsync(IServiceScopeFactory scopes, ILogger logger, ChannelReader<Pending> reader)
    {
        var batch = new List<Pending>();
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            var lineCount = 0;
            while (lineCount < MostLinesPerBatch && reader.TryRead(out var pending))
            {
                batch.Add(pending);
                lineCount += pending.Lines.Count;
            }
            var failed = new Dictionary<Guid, Exception>();
            foreach (var chain in batch.SelectMany(p => p.Lines).GroupBy(l => l.PracticeId))
            {
                try
                {
                    await AppendChainAsync(scopes, chain.Key, chain.ToList());
                }
                catch (Exception e)
                {
                    logger.LogError(e, "Could not append {Count} lines to the access log of practice {PracticeId}.", chain.Count(), chain.Key);
                    failed[chain.Key] = e;
                }
            }
            foreach (var pending in batch)
            {
                if (pending.Lines.Select(l => failed.GetValueOrDefault(l.PracticeId)).FirstOrDefault(e => e is not null) is { } error)
                {
                    pending.Stored.SetException(error);
                }
                else
                {
                    pending.Stored.SetResult();
                }
            }
        }
    }

    private static async Task AppendChainAsync(IServiceScopeFactory scopes, Guid practiceId, List<AccessLogEntry> lines)
    {
        await using var scope = scopes.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        for (var attempt = 1; ; attempt++)
        {
            await using var db = (await contexts.CreateDbContextAsync())
                .AcrossPractices("appending to a practice's access log needs its last line, whoever writes");
            var previous = await db.AccessLog.AsNoTracking()
                .Where(e => e.PracticeId == practiceId)
                .OrderByDescending(e => e.Sequence)
                .FirstOrDefaultAsync();
            var fresh = lines.Select(Copy).ToList();
            foreach (var line in fresh)
            {
                line.LinkAfter(previous);
                previous = line;
            }
            db.AccessLog.AddRange(fresh);
            try
            {
                await db.SaveChangesAsync();
                return;
            }
            catch (DbUpdateException e) when (db.IsUniqueViolation(e) && attempt < Attempts)
            {
                // Another instance took this place in the chain first: link after its line instead. Unless the place
                // holds this very batch: a commit that went through but whose answer was lost is retried and then
                // meets its own lines, which the last line's hash (covering the whole batch) recognises.
                var last = fresh[^1];
                if (await db.AccessLog.AnyAsync(e => e.PracticeId == practiceId && e.Sequence == last.Sequence && e.Hash == last.Hash))
                {
                    return;
                }
            }
        }
    }

    // Each attempt gets new objects: the ones a failed save tracked belong to that context.
    private static AccessLogEntry Copy(AccessLogEntry line) => new()
    {
        PracticeId = line.PracticeId, Event = line.Event, At = line.At, PatientId = line.PatientId, PatientName = line.PatientName,
        UserId = line.UserId, UserName = line.UserName, Role = line.Role, OnBehalfOf = line.OnBehalfOf,
        RemoteAddress = line.RemoteAddress, Subject = line.Subject, Target = line.Target, PreviousHash = "", Hash = "",
    };

    private sealed record Pending(IReadOnlyList<AccessLogEntry> Lines, TaskCompletionSource Stored);
}
