using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Data;

/// <summary>
/// Logs failed statements and saves in place of EF Core's own error lines (switched off in <see cref="DataSetup"/>),
/// telling an expected refusal from a fault: a save stopped by a unique index is how a repeated form submission is
/// recognised (ADR 0010), so it is one line of information without a stack trace; anything else stays an error.
/// </summary>
public sealed partial class DatabaseFailureLog(IPortalDatabaseProvider provider, ILogger<DatabaseFailureLog> logger)
    : DbCommandInterceptor, ISaveChangesInterceptor
{
    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Log(eventData.Exception, command);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Log(eventData.Exception, command);
        return Task.CompletedTask;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Log(eventData.Exception, null);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Log(eventData.Exception, null);
        return Task.CompletedTask;
    }

    private void Log(Exception exception, DbCommand? command)
    {
        if (exception is OperationCanceledException)
        {
            return;
        }
        var update = exception as DbUpdateException ?? new DbUpdateException(exception.Message, exception);
        if (provider.IsUniqueViolation(update))
        {
            // Logged once, for the save; the failed statement under it says nothing more.
            if (command is null)
            {
                DuplicateRefused((update.InnerException ?? update).Message);
            }
            return;
        }
        if (command is null)
        {
            SaveFailed(exception);
        }
        else
        {
            CommandFailed(exception, command.CommandText);
        }
    }

    [LoggerMessage(EventId = 8001, EventName = "DuplicateRefused", Level = LogLevel.Information,
        Message = "A save was refused by a unique index, as for a repeated submission: {Reason}")]
    private partial void DuplicateRefused(string reason);

    [LoggerMessage(EventId = 8002, EventName = "SaveFailed", Level = LogLevel.Error, Message = "Saving changes to the database failed")]
    private partial void SaveFailed(Exception exception);

    [LoggerMessage(EventId = 8003, EventName = "CommandFailed", Level = LogLevel.Error, Message = "A database command failed: {CommandText}")]
    private partial void CommandFailed(Exception exception, string commandText);
}
