using Microsoft.Azure.SignalR;
using MudBlazor;
using MudBlazor.Services;

namespace RugcentrumPortal.Web.Components.Workspace;

public static class WorkspaceSetup
{
    public const string AzureSignalRSetting = "Azure:SignalR:ConnectionString";

    /// <summary>The interactive workspace: Blazor Server circuits, MudBlazor with the portal's theme, in Dutch.</summary>
    /// <remarks>
    /// Circuits stay on the instance that holds them. With several instances behind a load balancer that keeps each
    /// browser on one instance, nothing more is needed; where that is not possible, setting <see cref="AzureSignalRSetting"/>
    /// lets Azure SignalR Service carry the connections, still bound to the instance that holds the circuit.
    /// </remarks>
    public static IServiceCollection AddWorkspace(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        if (configuration[AzureSignalRSetting] is { Length: > 0 } azureSignalR)
        {
            services.AddSignalR().AddAzureSignalR(options =>
            {
                options.ConnectionString = azureSignalR;
                options.ServerStickyMode = ServerStickyMode.Required;
            });
        }
        services.AddCascadingAuthenticationState();
        services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomCenter;
            options.SnackbarConfiguration.VisibleStateDuration = 6000;
        });
        services.AddTransient<MudLocalizer, PortalMudLocalizer>();
        return services;
    }
}
