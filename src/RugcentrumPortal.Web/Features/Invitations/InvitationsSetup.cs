using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace RugcentrumPortal.Web.Features.Invitations;

public static class InvitationsSetup
{
    /// <summary>
    /// The rate-limit policy of the pages that take an invitation's secret. A printed code is short enough to type,
    /// so guessing is slowed to a handful of tries per minute from one address; a patient who mistypes twice
    /// never notices.
    /// </summary>
    public const string CodeAttempts = "invitation-code-attempts";

    public static IServiceCollection AddInvitations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<InvitationService>();
        var permitted = configuration.GetValue("Invitations:AttemptsPerMinute", 20);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(CodeAttempts, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitted, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }
}
