using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using RugcentrumPortal.Web.Features.Accounts.Sessions;

namespace RugcentrumPortal.Web.Features.Accounts;

/// <summary>
/// An open workspace page lives on a circuit that the sign-in cookie no longer guards. It checks its session
/// (see <see cref="SignInSessions"/>) every minute, and at once when this instance saves a change to its account
/// or ends one of its sessions; when the session no longer counts, the circuit's user becomes anonymous and the
/// page stops showing patient data.
/// </summary>
internal sealed class RevalidatingIdentityState : RevalidatingServerAuthenticationStateProvider
{
    private static readonly AuthenticationState SignedOut = new(new ClaimsPrincipal(new ClaimsIdentity()));

    private readonly IServiceScopeFactory scopeFactory;
    private readonly AccountSignals signals;
    private readonly ILogger<RevalidatingIdentityState> logger;
    private Task<AuthenticationState>? current;

    public RevalidatingIdentityState(ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory, AccountSignals signals)
        : base(loggerFactory)
    {
        this.scopeFactory = scopeFactory;
        this.signals = signals;
        logger = loggerFactory.CreateLogger<RevalidatingIdentityState>();
        signals.AccountChanged += OnAccountChanged;
        AuthenticationStateChanged += state => current = state;
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken) =>
        IsStillValidAsync(state.User, cancellationToken);

    /// <summary>Whether the session behind a signed-in principal still counts: not ended, not expired, account not blocked or re-keyed since.</summary>
    internal async Task<bool> IsStillValidAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SignInSessions>().IsActiveAsync(principal, cancellationToken);
    }

    private void OnAccountChanged(string userId) => _ = CheckNowAsync(userId);

    private async Task CheckNowAsync(string userId)
    {
        if (current is null)
        {
            return;
        }
        try
        {
            var user = (await current).User;
            if (user.FindFirstValue(ClaimTypes.NameIdentifier) == userId && !await IsStillValidAsync(user))
            {
                SetAuthenticationState(Task.FromResult(SignedOut));
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The periodic check follows within a minute; an open page must not fail because this early one did.
            logger.LogWarning(exception, "Checking an open page's session at once failed");
        }
    }

    protected override void Dispose(bool disposing)
    {
        signals.AccountChanged -= OnAccountChanged;
        base.Dispose(disposing);
    }
}
