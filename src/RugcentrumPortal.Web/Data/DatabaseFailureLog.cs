using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Data;

/// <summary>
/// Logs failed statements and saves in place of EF Core's own error lines (switched off in <see cref="DataSetup"/>),
/// telling an expected refusal from a fault: a save stopped by a unique index is how a repeated form submission is
/// recognised (ADR 0010), so it is one line of information without a stack trace. A failure the retrying strategy
/// rides out (ADR 0030) is a warning; only the one it gives up on, or one it never retries, is an error. The same
/// holds for a connection that could not be opened, in place of EF Core's event 20004.
/// </summary>
public sealed partial class DatabaseFailureLog(IPortalDatabaseProvider provider, ILogger<DatabaseFailureLog> logger)
    : DbCommandInterceptor, ISaveChangesInterceptor, IDbConnectionInterceptor
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

    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => LogConnection(eventData.Exception, connection);

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LogConnection(eventData.Exception, connection);
        return Task.CompletedTask;
    }

    private void LogConnection(Exception exception, DbConnection connection)
    {
        if (exception is not OperationCanceledException)
        {
            ConnectionFailed(LevelOf(exception), exception, connection.Database);
        }
    }

    private static LogLevel LevelOf(Exception exception) => IRetryingStrategy.CurrentWillRetry(exception) ? LogLevel.Warning : LogLevel.Error;

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
            SaveFailed(LevelOf(exception), exception);
        }
        else
        {
            CommandFailed(LevelOf(exception), exception, command.CommandText);
        }
    }

    [LoggerMessage(EventId = 8001, EventName = "DuplicateRefused", Level = LogLevel.Information,
        Message = "A save was refused by a unique index, as for a repeated submission: {Reason}")]
    private partial void DuplicateRefused(string reason);

    [LoggerMessage(EventId = 8002, EventName = "SaveFailed", Message = "Saving changes to the database failed")]
    private partial void SaveFailed(LogLevel level, Exception exception);

    [LoggerMessage(EventId = 8003, EventName = "CommandFailed", Message = "A database command failed: {CommandText}")]
    private partial void CommandFailed(LogLevel level, Exception exception, string commandText);

    [LoggerMessage(EventId = 8004, EventName = "ConnectionFailed", Message = "A connection to database {Database} could not be used")]
    private partial void ConnectionFailed(LogLevel level, Exception exception, string database);
}
