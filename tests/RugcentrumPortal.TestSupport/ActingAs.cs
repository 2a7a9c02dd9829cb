using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Accounts.Sessions;
using RugcentrumPortal.Web.Infrastructure.Access;

namespace RugcentrumPortal.TestSupport;

public static class ActingAs
{
    /// <summary>
    /// A service scope in which the given account is the signed-in user, with the same claims its sign-in cookie
    /// carries (a session of its own included), so feature services can be tested directly and see exactly what that user may see.
    /// </summary>
    public static async Task<AsyncServiceScope> ScopeAsAsync(this IServiceProvider services, string email)
    {
        var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
        await scope.ServiceProvider.GetRequiredService<SignInSessions>().StartAsync(principal, CancellationToken.None);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(principal);
        return scope;
    }
}
