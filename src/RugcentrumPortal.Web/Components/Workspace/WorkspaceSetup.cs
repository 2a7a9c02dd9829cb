using MudBlazor;
using MudBlazor.Services;

namespace RugcentrumPortal.Web.Components.Workspace;

public static class WorkspaceSetup
{
    /// <summary>The interactive workspace: Blazor Server circuits, MudBlazor with the portal's theme, in Dutch.</summary>
    public static IServiceCollection AddWorkspace(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
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
