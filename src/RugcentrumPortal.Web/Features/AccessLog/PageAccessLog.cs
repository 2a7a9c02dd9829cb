using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Infrastructure.Access;

namespace RugcentrumPortal.Web.Features.AccessLog;

/// <summary>
/// The one place pages are logged: the router hands every page it shows to <see cref="PageShownAsync"/>, for a
/// static request and for each navigation inside a circuit alike. A page that shows patient data and that the user
/// may open writes one line; showing the same address again without navigating (a re-render) writes none.
/// </summary>
public sealed class PageAccessLog(
    AccessLogWriter writer,
    CurrentUser user,
    OwnPatientRecord ownRecord,
    IAuthorizationPolicyProvider policies,
    IAuthorizationService authorization)
{
    private string? lastLogged;
    private bool circuitTookOver;

    /// <param name="interactive">
    /// True inside a circuit. A circuit's first page is the one its request just prerendered and logged, so it is
    /// not logged twice; every later navigation inside the circuit is a new page load.
    /// </param>
    public async Task PageShownAsync(Type page, IReadOnlyDictionary<string, object?> routeValues, string path, bool interactive, CancellationToken cancellationToken)
    {
        if (interactive && !circuitTookOver)
        {
            circuitTookOver = true;
            lastLogged = path;
            return;
        }
        if (!user.IsAuthenticated || !PatientDataPages.ShowsPatientData(page) || path == lastLogged)
        {
            return;
        }
        // Claimed before the first await: the router may hand over the same page again while this one is writing.
        lastLogged = path;
        if (!await MayOpenAsync(page))
        {
            return;
        }
        var patientId = PatientDataPages.PatientInRoute(routeValues) ?? await OwnRecordAsync(cancellationToken);
        if (patientId is null)
        {
            return;
        }
        var kind = page.GetCustomAttribute<AccessLoggedAsAttribute>()?.Kind ?? AccessEvent.View;
        await writer.RecordAsync(kind, patientId.Value, page.Name, path, cancellationToken);
    }

    /// <summary>The page's own [Authorize] rule: a page the router answers with "no access" shows nothing to log.</summary>
    private async Task<bool> MayOpenAsync(Type page)
    {
        var policy = await AuthorizationPolicy.CombineAsync(policies, page.GetCustomAttributes().OfType<IAuthorizeData>());
        return policy is null || (await authorization.AuthorizeAsync(user.Principal, policy)).Succeeded;
    }

    private async Task<Guid?> OwnRecordAsync(CancellationToken cancellationToken) =>
        (await ownRecord.GetAsync(cancellationToken))?.Id;
}
