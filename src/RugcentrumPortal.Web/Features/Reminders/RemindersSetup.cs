using Microsoft.AspNetCore.Mvc;

namespace RugcentrumPortal.Web.Features.Reminders;

public static class RemindersSetup
{
    /// <summary><c>Reminders:SendInBackground</c> (true unless set) runs the sender; tests that drive it by hand turn it off.</summary>
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ReminderSettingsService>();
        services.AddSingleton<ReminderStopLinks>();
        services.AddSingleton<ReminderDispatcher>();
        if (configuration.GetValue("Reminders:SendInBackground", true))
        {
            services.AddHostedService<ReminderSender>();
        }
        return services;
    }

    /// <summary>The page's script posts a browser's push subscription here, with the form's antiforgery token.</summary>
    public static IEndpointRouteBuilder MapReminderDevices(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/mijn/herinneringen/apparaat", async (
                [FromForm] string? endpoint, [FromForm] string? p256dh, [FromForm] string? auth,
                ReminderSettingsService reminders, CancellationToken cancellationToken) =>
                await reminders.AddDeviceAsync(new DeviceInput(endpoint, p256dh, auth), cancellationToken)
                    ? Results.NoContent()
                    : Results.BadRequest())
            .RequireAuthorization(policy => policy.RequireRole(RugcentrumPortal.Data.Roles.Patient));
        return endpoints;
    }
}
