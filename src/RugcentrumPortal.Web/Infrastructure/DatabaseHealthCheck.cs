using Microsoft.Extensions.Diagnostics.HealthChecks;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Infrastructure;

public sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    /// <summary>
    /// A health check says how things are now: it does not sit out the retries a request is given (ADR 0030), so a
    /// proxy or orchestrator asking learns within a few seconds that the database is away.
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        try
        {
            return await db.Database.CanConnectAsync(patience.Token)
                ? HealthCheckResult.Healthy("database reachable")
                : HealthCheckResult.Unhealthy("database unreachable");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("database unreachable", ex);
        }
    }
}
