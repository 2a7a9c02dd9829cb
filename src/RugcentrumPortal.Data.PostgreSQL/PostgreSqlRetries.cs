using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Data.PostgreSQL;

/// <summary>Npgsql's retrying strategy with the portal's limits (ADR 0030), able to say whether a failure is retried.</summary>
internal sealed class PostgreSqlRetries(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, Retries.MaxRetryCount, Retries.MaxRetryDelay, null), IRetryingStrategy
{
    public bool WillRetry(Exception failure) => ExceptionsEncountered.Count < MaxRetryCount && CallOnWrappedException(failure, ShouldRetryOn);
}
