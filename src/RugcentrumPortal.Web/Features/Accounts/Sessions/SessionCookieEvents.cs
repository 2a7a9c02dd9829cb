using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace RugcentrumPortal.Web.Features.Accounts.Sessions;

/// <summary>
/// Ties the sign-in cookie to a server-side session: every sign-in starts one, and every request checks it, so a
/// copied cookie stops working the moment its session ends, its account is blocked or its password changes.
/// This replaces Identity's own stamp check, which looks only every 30 minutes.
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
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SignInSessions>();
        if (context.Principal is null || !await sessions.IsActiveAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
