using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Infrastructure.Access;

namespace RugcentrumPortal.Web.Data;

/// <summary>The portal's pool of contexts. Only <see cref="PortalContextFactory"/> takes from it, so no context is used without its user.</summary>
public sealed class PortalContextPool(DbContextOptions<AppDbContext> options)
{
    internal PooledDbContextFactory<AppDbContext> Pool { get; } = new(options);
}

/// <summary>
/// Hands out pooled contexts for the current request or circuit: each is given the current user's access scope
/// and the scope's services before anything runs on it, whoever used the instance before.
/// </summary>
public sealed class PortalContextFactory(PortalContextPool pool, CurrentUser user, IServiceProvider services) : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext() => pool.Pool.CreateDbContext().WorkFor(user, services);

    public async Task<AppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        (await pool.Pool.CreateDbContextAsync(cancellationToken)).WorkFor(user, services);
}
