using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Storage;
using RugcentrumPortal.Web.Features.Accounts.SignIn;

namespace RugcentrumPortal.Web.Features.Accounts.Sessions;

/// <summary>
/// Ties the sign-in cookie to a server-side session: every sign-in starts one, and every request checks it, so a
/// copied cookie stops working the moment its session ends, its account is blocked or its password changes.
/// This replaces Identity's own stamp check, which looks only every 30 minutes. A staff sign-in without a second
/// factor is refused too: whatever path made it, it does not reach patient data.
/// </summary>
public sealed class SessionCookieEvents : CookieAuthenticationEvents
{
    public override async Task SigningIn(CookieSigningInContext context)
    {
        await context.HttpContext.RequestServices.GetRequiredService<SignInSessions>()
            .StartAsync(context.Principal!, context.HttpContext.RequestAborted);
        await base.SigningIn(context);
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        if (context.HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is RetryLimitExceededException)
        {
            // The error page for a database that stayed away through every retry (ADR 0030) is shown as to a
            // visitor at once, instead of waiting through the retries again. Nobody is signed out for it.
            context.RejectPrincipal();
            return;
        }
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SignInSessions>();
        bool active;
        try
        {
            active = context.Principal is { } principal
                && (!LoginService.IsStaff(principal) || LoginService.PassedSecondFactor(principal))
                && await sessions.IsActiveAsync(principal, context.HttpContext.RequestAborted);
        }
        catch (Exception) when (context.HttpContext.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            // The error page, shown because the database is away, cannot check the session either: it is shown as
            // to a visitor instead of failing itself.
            context.RejectPrincipal();
            return;
        }
        if (!active)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
