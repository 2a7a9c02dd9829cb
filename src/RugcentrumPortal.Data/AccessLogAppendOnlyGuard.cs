using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RugcentrumPortal.Data;

/// <summary>
/// Bulk statements (ExecuteUpdate, ExecuteDelete, raw SQL) bypass the change tracker; this refuses those that would
/// change or remove access log lines before they reach the database.
/// </summary>
internal sealed partial class AccessLogAppendOnlyGuard : DbCommandInterceptor
{
    public static readonly AccessLogAppendOnlyGuard Instance = new();

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Refuse(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Refuse(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Refuse(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Refuse(command);
        return ValueTask.FromResult(result);
    }

    private static void Refuse(DbCommand command)
    {
        if (RewritesAccessLog().IsMatch(command.CommandText))
        {
            throw new AccessLogIsAppendOnlyException();
        }
    }

    [GeneratedRegex(@"\b(UPDATE|DELETE\s+FROM|TRUNCATE(\s+TABLE)?)\s+(\S+\.)?[""\[`]?AccessLog[""\]`]?(\s|$|;)", RegexOptions.IgnoreCase)]
    private static partial Regex RewritesAccessLog();
}
