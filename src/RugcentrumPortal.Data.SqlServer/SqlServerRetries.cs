using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Data.SqlServer;

/// <summary>SqlClient's retrying strategy with the portal's limits (ADR 0030), able to say whether a failure is retried.</summary>
internal sealed class SqlServerRetries(ExecutionStrategyDependencies dependencies)
    : SqlServerRetryingExecutionStrategy(dependencies, Retries.MaxRetryCount, Retries.MaxRetryDelay, null), IRetryingStrategy
{
    public bool WillRetry(Exception failure) => ExceptionsEncountered.Count < MaxRetryCount && CallOnWrappedException(failure, ShouldRetryOn);
}
