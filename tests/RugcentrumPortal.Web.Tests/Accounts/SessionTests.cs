using System.Net;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Admin;
using RugcentrumPortal.Web.Features.Patients;
using RugcentrumPortal.Web.Infrastructure.Access;

namespace RugcentrumPortal.Web.Tests.Accounts;

/// <summary>A sign-in cookie is only as good as the session on the server it names.</summary>
public class SessionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_cookie_replayed_after_logout_gets_the_sign_in_page()
    {
        using var client = portal.CreatePortalClient();
        var home = await client.LoginAsync(Baseline.NoordTherapist);
        var copied = client.CookieHeader;
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync("/patienten", copied)).StatusCode);

        await client.SubmitAndFollowAsync(home, "form[action='account/uitloggen']", []);

        var replayed = await GetWithCookieAsync("/patienten", copied);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/account/inloggen", replayed.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_cookie_of_a_blocked_colleague_is_refused_at_once()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.ZuidTherapist);
        var copied = client.CookieHeader;
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync("/patienten", copied)).StatusCode);

        // What the administrator's block does (Admin's own tests cover that it does): a lockout and a new stamp.
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var therapist = (await users.FindByEmailAsync(Baseline.ZuidTherapist))!;
            therapist.LockoutEnd = DateTimeOffset.MaxValue;
            await users.UpdateSecurityStampAsync(therapist);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await GetWithCookieAsync("/patienten", copied)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/patienten")).StatusCode);
    }

    [Fact]
    public async Task Another_sign_in_of_the_same_person_keeps_working_after_one_logout()
    {
        using var first = portal.CreatePortalClient();
        using var second = portal.CreatePortalClient();
        var home = await first.LoginAsync(Baseline.NoordTherapist);
        await second.LoginAsync(Baseline.NoordTherapist);

        await first.SubmitAndFollowAsync(home, "form[action='account/uitloggen']", []);

        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/patienten")).StatusCode);
    }

    [Fact]
    public async Task An_open_page_of_a_blocked_therapist_loses_the_patients_at_once()
    {
        await using var circuit = await portal.Services.ScopeAsAsync(Baseline.NoordSecondTherapist);
        var services = circuit.ServiceProvider;
        var user = services.GetRequiredService<CurrentUser>();
        ((IHostEnvironmentAuthenticationStateProvider)services.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(user.Principal)));
        foreach (var handler in services.GetServices<CircuitHandler>())
        {
            await handler.OnCircuitOpenedAsync(null!, default);
        }
        var patients = services.GetRequiredService<PatientService>();
        Assert.NotEmpty((await patients.SearchAsync(null, null, default)).Rows);

        await using (var admin = await portal.Services.ScopeAsAsync(Baseline.NoordAdmin))
        {
            var id = await admin.ServiceProvider.ArrangeDb().Users.Where(u => u.Email == Baseline.NoordSecondTherapist).Select(u => u.Id).SingleAsync();
            Assert.Equal(LockChange.Blocked, (await admin.ServiceProvider.GetRequiredService<AccountsService>().ToggleBlockAsync(id, default)).Change);
        }

        await WaitUntilAsync(() => !user.IsAuthenticated);
        Assert.Empty((await patients.SearchAsync(null, null, default)).Rows);
    }

    private async Task<HttpResponseMessage> GetWithCookieAsync(string path, string cookie)
    {
        using var http = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await http.SendAsync(request);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var tries = 0; !condition() && tries < 100; tries++)
        {
            await Task.Delay(50);
        }
    }
}
