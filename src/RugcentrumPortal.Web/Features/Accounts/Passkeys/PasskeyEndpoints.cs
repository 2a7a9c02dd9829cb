using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.Accounts.Passkeys;

/// <summary>
/// The two small posts the passkey script makes before the browser's prompt: the options for the prompt, with the
/// challenge Identity keeps in its short-lived cookie. The answer itself goes back through the page's own form.
/// </summary>
public static class PasskeyEndpoints
{
    public const string RequestOptionsPath = "/account/passkey/inlog-opties";
    public const string CreationOptionsPath = "/account/passkey/nieuw-opties";

    public static IServiceCollection AddPasskeys(this IServiceCollection services)
    {
        services.AddScoped<PasskeyService>();
        services.Configure<IdentityPasskeyOptions>(options =>
        {
            // Only a passkey that checked its user (fingerprint, face or PIN) counts, as it stands for two factors.
            options.UserVerificationRequirement = "required";
            // Kept on the device, so signing in needs no e-mail address first.
            options.ResidentKeyRequirement = "required";
        });
        return services;
    }

    public static IEndpointRouteBuilder MapPasskeyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(RequestOptionsPath, async (HttpContext http, IAntiforgery antiforgery, PasskeyService passkeys) =>
                await antiforgery.IsRequestValidAsync(http)
                    ? Results.Content(await passkeys.RequestOptionsAsync(), "application/json")
                    : Results.BadRequest())
            .RequireRateLimiting(AccountsSetup.LoginAttempts)
            .DisableAntiforgery();
        endpoints.MapPost(CreationOptionsPath, async (HttpContext http, IAntiforgery antiforgery, UserManager<ApplicationUser> users, PasskeyService passkeys) =>
            {
                if (!await antiforgery.IsRequestValidAsync(http) || await users.GetUserAsync(http.User) is not { } user)
                {
                    return Results.BadRequest();
                }
                return Results.Content(await passkeys.CreationOptionsAsync(user), "application/json");
            })
            .RequireAuthorization()
            .RequireRateLimiting(AccountsSetup.LoginAttempts)
            .DisableAntiforgery();
        return endpoints;
    }
}
