using Microsoft.AspNetCore.WebUtilities;

namespace RugcentrumPortal.Web.Features.Reminders;

/// <summary>
/// A browser's push subscription as the page's script posts it: the push service's address and the two keys the
/// notification is encrypted with. Checked for shape, so nothing a tampered post sends reaches the push client.
/// </summary>
public sealed record DeviceInput(string? Endpoint, string? P256dh, string? Auth)
{
    public const int EndpointMaxLength = 2000;

    public bool IsValid =>
        Uri.TryCreate(Endpoint, UriKind.Absolute, out var address) && address.Scheme == Uri.UriSchemeHttps && Endpoint!.Length <= EndpointMaxLength
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
