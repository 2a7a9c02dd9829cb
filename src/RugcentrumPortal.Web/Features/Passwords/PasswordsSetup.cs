using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace RugcentrumPortal.Web.Features.Passwords;

public static class PasswordsSetup
{
    /// <summary>The per-address limit of the pages that ask for or use a reset link.</summary>
    public const string ResetAttempts = "password-reset-attempts";

    public static IServiceCollection AddPasswords(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<PasswordResetService>();
        services.AddScoped<PasswordChangeService>();
        services.AddSingleton<AccountAttemptLimiter>();
        var permitted = configuration.GetValue("Passwords:AttemptsPerMinute", 10);
        services.Configure<RateLimiterOptions>(options => options.AddPolicy(ResetAttempts, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permitted, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        return services;
    }

    /// <summary>
    /// Until a person replaces a password someone else chose for them, every page sends them to the change page;
    /// only that page, signing out and the files pages need are let through.
    /// </summary>
    public static IApplicationBuilder UseRequiredPasswordChange(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.HasClaim(PasswordChangeService.MustChangeClaim, "true") && !MayPassBeforeChange(context.Request.Path))
            {
                context.Response.Redirect(PasswordChangeService.PagePath);
                return;
            }
            await next();
        });

    private static bool MayPassBeforeChange(PathString path) =>
        path.StartsWithSegments(PasswordChangeService.PagePath) || path.StartsWithSegments("/account/uitloggen")
        || path.StartsWithSegments("/status") || path.StartsWithSegments("/fout") || path.StartsWithSegments("/cultuur")
        || path.StartsWithSegments("/healthz") || Path.HasExtension(path.Value);
}
