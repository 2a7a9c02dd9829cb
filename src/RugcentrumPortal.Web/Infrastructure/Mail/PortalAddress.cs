using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace RugcentrumPortal.Web.Infrastructure.Mail;

/// <summary>
/// The portal's own address for links in everything it sends (invitations, password resets, reminders, message
/// notices): <c>Portal:PublicBaseUrl</c>. Never the request's Host header, which the sender of a request chooses.
/// Outside production it may be unset; then the first address the server listens on stands in, which is right
/// for a demo on the loopback address. In production the portal refuses to start without it.
/// </summary>
public sealed class PortalAddress(IConfiguration configuration, IServer server)
{
    public const string Setting = "Portal:PublicBaseUrl";

    public string BaseUrl =>
        (configuration[Setting] is { Length: > 0 } configured
            ? configured
            : server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost").TrimEnd('/');

    /// <summary>An absolute link to a path of the portal (a path without a leading slash, as the pages' own links).</summary>
    public string Link(string path) => $"{BaseUrl}/{path.TrimStart('/')}";

    /// <summary>Stops a production start without a usable public address, with a message that says what to set.</summary>
    public static void RequireInProduction(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsProduction())
        {
            return;
        }
        var configured = configuration[Setting];
        if (string.IsNullOrWhiteSpace(configured)
            || !Uri.TryCreate(configured, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Query.Length > 0)
        {
            throw new InvalidOperationException(
                $"The portal will not start in Production without its public address: set {Setting} (environment variable " +
                "Portal__PublicBaseUrl) to the address patients use, e.g. https://portaal.praktijk.nl. Links in invitations " +
                "and password-reset mails are made from it, never from the request's Host header.");
        }
    }
}
