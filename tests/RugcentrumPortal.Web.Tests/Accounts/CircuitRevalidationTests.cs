using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Web.Features.Accounts;
using RugcentrumPortal.Web.Features.Admin;
using RugcentrumPortal.Web.Infrastructure.Access;

namespace RugcentrumPortal.Web.Tests.Accounts;

/// <summary>An open workspace page outlives the request that signed its user in; blocking must still reach it.</summary>
public class CircuitRevalidationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_open_page_of_a_blocked_colleague_loses_its_user_at_the_next_check()
    {
        await using var colleague = await portal.Services.ScopeAsAsync(Baseline.NoordSecondTherapist);
        var principal = colleague.ServiceProvider.GetRequiredService<CurrentUser>().Principal;
        var revalidation = (RevalidatingIdentityState)colleague.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        Assert.True(await revalidation.IsStillValidAsync(principal));

        await using (var admin = await portal.Services.ScopeAsAsync(Baseline.NoordAdmin))
        {
            var id = await admin.ServiceProvider.ArrangeDb().Users.Where(u => u.Email == Baseline.NoordSecondTherapist).Select(u => u.Id).SingleAsync();
            await admin.ServiceProvider.GetRequiredService<AccountsService>().ToggleBlockAsync(id, default);
        }

        Assert.False(await revalidation.IsStillValidAsync(principal));
    }

    [Fact]
    public async Task A_colleague_who_was_not_blocked_keeps_their_open_pages()
    {
        await using var therapist = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);
        var revalidation = (RevalidatingIdentityState)therapist.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();

        Assert.True(await revalidation.IsStillValidAsync(therapist.ServiceProvider.GetRequiredService<CurrentUser>().Principal));
    }
}
