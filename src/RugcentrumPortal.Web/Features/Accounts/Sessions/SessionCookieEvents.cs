using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
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
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SignInSessions>();
        if (context.Principal is not { } principal
            || (LoginService.IsStaff(principal) && !LoginService.PassedSecondFactor(principal))
            || !await sessions.IsActiveAsync(principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
