using QRCoder;
using RugcentrumPortal.Web.Infrastructure.Mail;

namespace RugcentrumPortal.Web.Features.Invitations;

/// <summary>
/// The addresses on an invitation. They come from the portal's configured public address only (see
/// <see cref="PortalAddress"/>), never from the request: a forged Host header must not put an attacker's site in
/// a patient's mail.
/// </summary>
public static class InvitationLink
{
    /// <summary>The link in the mail and on the letter.</summary>
    public static string For(PortalAddress address, string token) => address.Link($"uitnodiging/{token}");

    /// <summary>Where a patient types the code from a letter.</summary>
    public static string CodeAddress(PortalAddress address) => address.Link("code");

    /// <summary>A PNG QR code as a data URI, so the printed letter needs no second request.</summary>
    public static string QrCodeDataUri(string link)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(8);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
