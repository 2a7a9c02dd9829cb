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
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Tests.Components;

/// <summary>
/// Renders workspace components as a live circuit would: interactive, with MudBlazor, signed in as a real account
/// of the test portal, over its real database and its real feature services. Only the browser is absent: clicks
/// and typing are dispatched straight to the component.
/// </summary>
public sealed class WorkspaceContext : BunitContext
{
    private readonly AsyncServiceScope scope;
    private readonly (CultureInfo, CultureInfo) previousCulture;

    private WorkspaceContext(AsyncServiceScope scope, (CultureInfo, CultureInfo) previousCulture)
    {
        this.scope = scope;
        this.previousCulture = previousCulture;

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
        // Form validation asks the injected IServiceProvider for the practice clock (birth dates, "not in the
        // future"); bunit injects its own provider, which does not consult the fallback, so the clock is named here.
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<PracticeClock>());
        // The first query against a fresh database may take longer than bunit's default second.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>The portal's services as the signed-in user sees them, e.g. to check what was saved.</summary>
    public IServiceProvider PortalServices => scope.ServiceProvider;

    /// <summary>
    /// Deliberately not an async method: the culture is set in the test's own flow, so the test renders in it. A
    /// culture set inside an async method stays inside that method.
    /// </summary>
    public static Task<WorkspaceContext> SignedInAsync(PortalFactory portal, string email, string culture = "nl")
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = RugcentrumPortal.Web.Infrastructure.Localization.Culture(culture);
        return CreateAsync(portal, email, previous);
    }

    private static async Task<WorkspaceContext> CreateAsync(PortalFactory portal, string email, (CultureInfo, CultureInfo) previousCulture) =>
        new(await portal.Services.ScopeAsAsync(email), previousCulture);

    /// <summary>
    /// Renders a page with the providers the workspace layout holds, so dialogs, menus and pickers open as they
    /// do in the browser.
    /// </summary>
    public IRenderedComponent<TPage> RenderPage<TPage>(Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : IComponent
    {
        Popovers = Render<MudPopoverProvider>();
        Dialogs = Render<MudDialogProvider>();
        Snackbars = Render<MudSnackbarProvider>();
        return Render(parameters ?? (_ => { }));
    }

    /// <summary>Where an open select list or menu renders; available after <see cref="RenderPage{TPage}"/>.</summary>
    public IRenderedComponent<MudPopoverProvider> Popovers { get; private set; } = default!;

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
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previousCulture;
        }
    }
}
