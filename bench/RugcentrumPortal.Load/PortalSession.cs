using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace RugcentrumPortal.Load;

/// <summary>One signed-in user with their own cookies, like one browser.</summary>
public sealed partial class PortalSession : IDisposable
{
    private readonly HttpClient http;

    private PortalSession(Uri baseAddress, IPAddress? from)
    {
        var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        if (from is not null)
        {
            handler.ConnectCallback = (context, cancellationToken) => ConnectFromAsync(from, context.DnsEndPoint, cancellationToken);
        }
        http = new HttpClient(handler)
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public HttpClient Http => http;

    /// <summary>Signs in with the password and, when the portal asks for it (staff), the code the authenticator app would show for <paramref name="authenticatorKey"/>.</summary>
    /// <param name="from">
    /// A loopback address of its own (127.0.0.x), so a proxy that keeps each browser on one instance by its address
    /// spreads these sessions as it would spread real browsers.
    /// </param>
    public static async Task<PortalSession> SignInAsync(Uri baseAddress, string email, string password, string? authenticatorKey = null, IPAddress? from = null)
    {
        var session = new PortalSession(baseAddress, from);
        var page = await session.http.GetStringAsync("/account/inloggen");
        var response = await session.http.PostAsync("/account/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = Token(page), ["Input.Email"] = email, ["Input.Password"] = password,
        }));
        if (Relative(response.Headers.Location) is { } codePage && codePage.StartsWith("/account/tweestaps?", StringComparison.Ordinal) && authenticatorKey is not null)
        {
            var form = await session.http.GetStringAsync(codePage);
            response = await session.http.PostAsync(codePage, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "code", ["__RequestVerificationToken"] = Token(form), ["Code.Value"] = RugcentrumPortal.TestSupport.Totp.Code(authenticatorKey, DateTimeOffset.UtcNow),
            }));
        }
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString() is not { } next
            || next.Contains("inloggen", StringComparison.Ordinal) || next.Contains("tweestaps", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Sign-in as {email} failed ({(int)response.StatusCode} {response.Headers.Location}).");
        }
        return session;
    }

    /// <summary>A redirect's target as a path and query, whether the portal answered it relative or absolute.</summary>
    private static string? Relative(Uri? location) => location is null ? null : location.IsAbsoluteUri ? location.PathAndQuery : location.ToString();

    private static async ValueTask<Stream> ConnectFromAsync(IPAddress from, DnsEndPoint to, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(from, 0));
            await socket.ConnectAsync(to, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public static string Token(string html) => AntiforgeryPattern().Match(html) is { Success: true } m
        ? WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidOperationException("No antiforgery token on the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();

    public void Dispose() => http.Dispose();
}
