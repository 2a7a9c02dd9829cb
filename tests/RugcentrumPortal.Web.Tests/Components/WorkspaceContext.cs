using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using RugcentrumPortal.Web.Components.Workspace;
using RugcentrumPortal.Web.Infrastructure.Access;

namespace RugcentrumPortal.Web.Tests.Components;

/// <summary>
/// Renders workspace components as a live circuit would: interactive, with MudBlazor, signed in as a real account
/// of the test portal, over its real database and its real feature services. Only the browser is absent: clicks
/// and typing are dispatched straight to the component.
/// </summary>
public sealed class WorkspaceContext : BunitContext
{
    private readonly AsyncServiceScope scope;
    private readonly CultureInfo culture;

    private WorkspaceContext(AsyncServiceScope scope, string culture)
    {
        this.scope = scope;
        this.culture = RugcentrumPortal.Web.Infrastructure.Localization.Culture(culture);

        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddTransient<MudLocalizer, PortalMudLocalizer>();
        var principal = scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal;
        var authorization = AddAuthorization();
        if (principal.Identity?.IsAuthenticated == true)
        {
            authorization.SetAuthorized(principal.Identity.Name ?? "");
            authorization.SetRoles(principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray());
            authorization.SetClaims(principal.Claims.Where(c => c.Type != ClaimTypes.Role && c.Type != ClaimTypes.Name).ToArray());
        }
        Services.AddFallbackServiceProvider(scope.ServiceProvider);
        // The first query against a fresh database may take longer than bunit's default second.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>The portal's services as the signed-in user sees them, e.g. to check what was saved.</summary>
    public IServiceProvider PortalServices => scope.ServiceProvider;

    public static async Task<WorkspaceContext> SignedInAsync(PortalFactory portal, string email, string culture = "nl") =>
        new(await portal.Services.ScopeAsAsync(email), culture);

    /// <summary>
    /// Renders a page with the providers the workspace layout holds, so dialogs, menus and pickers open as they
    /// do in the browser.
    /// </summary>
    public IRenderedComponent<TPage> RenderPage<TPage>(Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : IComponent
    {
        // Set here, not in the constructor: a culture set inside the async factory would not reach the test.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        Render<MudPopoverProvider>();
        Dialogs = Render<MudDialogProvider>();
        Snackbars = Render<MudSnackbarProvider>();
        return Render(parameters ?? (_ => { }));
    }

    /// <summary>Where an open dialog renders; available after <see cref="RenderPage{TPage}"/>.</summary>
    public IRenderedComponent<MudDialogProvider> Dialogs { get; private set; } = default!;

    /// <summary>Where confirmations and errors pop up; available after <see cref="RenderPage{TPage}"/>.</summary>
    public IRenderedComponent<MudSnackbarProvider> Snackbars { get; private set; } = default!;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            scope.Dispose();
        }
    }
}
