using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace RugcentrumPortal.Web.Infrastructure.Mail;

/// <summary>
/// The portal's own address for links in messages sent outside a request (reminders from the background sender):
/// <c>Portal:PublicBaseUrl</c> when configured, else the first address the server listens on.
/// </summary>
public sealed class PortalAddress(IConfiguration configuration, IServer server)
{
    public string BaseUrl =>
        (configuration["Portal:PublicBaseUrl"] is { Length: > 0 } configured
            ? configured
            : server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost").TrimEnd('/');

    /// <summary>An absolute link to a path of the portal (a path without a leading slash, as the pages' own links).</summary>
    public string Link(string path) => $"{BaseUrl}/{path.TrimStart('/')}";
}
