using Microsoft.AspNetCore.WebUtilities;

namespace RugcentrumPortal.Web.Features.Reminders;

/// <summary>
/// A browser's push subscription as the page's script posts it: the push service's address and the two keys the
/// notification is encrypted with. Checked for shape, and the address must be one of the browsers' push services,
/// so a tampered post cannot make the portal send requests to any other server.
/// </summary>
public sealed record DeviceInput(string? Endpoint, string? P256dh, string? Auth)
{
    public const int EndpointMaxLength = 2000;

    /// <summary>The push services of Chrome and Android, Firefox, Edge and Safari.</summary>
    public static readonly IReadOnlyList<string> PushServiceHosts =
        ["fcm.googleapis.com", "android.googleapis.com", "updates.push.services.mozilla.com", "notify.windows.com", "push.apple.com"];

    public bool IsValid =>
        Uri.TryCreate(Endpoint, UriKind.Absolute, out var address) && address.Scheme == Uri.UriSchemeHttps && Endpoint!.Length <= EndpointMaxLength
        && address.IsDefaultPort && PushServiceHosts.Any(host => address.Host == host || address.Host.EndsWith("." + host, StringComparison.Ordinal))
        && DecodedLength(P256dh) is 65 && DecodeOrEmpty(P256dh)[0] == 0x04
        && DecodedLength(Auth) is 16;

    private static int DecodedLength(string? text) => DecodeOrEmpty(text).Length;

    private static byte[] DecodeOrEmpty(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 200)
        {
            return [];
        }
        try
        {
            return WebEncoders.Base64UrlDecode(text);
        }
        catch (FormatException)
        {
            return [];
        }
    }
}
