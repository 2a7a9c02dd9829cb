using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Infrastructure.Access;

namespace RugcentrumPortal.TestSupport;

public static class TestData
{
    /// <summary>
    /// A context that sees every practice, for tests that arrange data or check what was stored; what a user
    /// sees is always tested through the portal itself.
    /// </summary>
    public static AppDbContext ArrangeDb(this IServiceProvider services) =>
        services.GetRequiredService<AppDbContext>().AcrossPractices("a test arranges or inspects stored data");

    /// <summary>Runs <paramref name="work"/> on a context of its own that sees every practice (<see cref="ArrangeDb"/>).</summary>
    public static async Task<T> WithDbAsync<T>(this PortalFactory portal, Func<AppDbContext, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.ArrangeDb());
    }

    public static Task WithDbAsync(this PortalFactory portal, Func<AppDbContext, Task> work) =>
        portal.WithDbAsync(async db => { await work(db); return 0; });

    /// <summary>A context that sees what the given user may see, exactly as the portal's services do.</summary>
    public static AppDbContext DbAs(this IServiceProvider services, string userId, string role, Guid practiceId)
    {
        var user = new CurrentUser();
        user.Set(new ClaimsPrincipal(new ClaimsIdentity(
        [
            new(ClaimTypes.NameIdentifier, userId),
            new(ClaimTypes.Role, role),
            new(CurrentUser.PracticeClaim, practiceId.ToString()),
        ], "test")));
        return new AppDbContext(services.GetRequiredService<DbContextOptions<AppDbContext>>()).WorkFor(user);
    }

    /// <summary>
    /// A colleague's transaction held open while the test acts: run, as the portal runs its own, inside the context's
    /// execution strategy, which on PostgreSQL refuses a transaction begun outside it.
    /// </summary>
    public static Task InTransactionAsync(this AppDbContext db, Func<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction, Task> body) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await body(transaction);
        });
}
