using QRCoder;

namespace RugcentrumPortal.Web.Features.Invitations;

public static class InvitationLink
{
    /// <summary>The link in the mail and on the letter; a configured public address wins over the request's own.</summary>
    /// <param name="siteBaseUri">The portal's address as the visitor reached it (NavigationManager.BaseUri).</param>
    public static string For(string siteBaseUri, IConfiguration configuration, string token) =>
        $"{BaseUrl(siteBaseUri, configuration)}/uitnodiging/{token}";

    /// <summary>Where a patient types the code from a letter.</summary>
    public static string CodeAddress(string siteBaseUri, IConfiguration configuration) =>
        $"{BaseUrl(siteBaseUri, configuration)}/code";

    private static string BaseUrl(string siteBaseUri, IConfiguration configuration) =>
        (configuration["Portal:PublicBaseUrl"] is { Length: > 0 } configured ? configured : siteBaseUri).TrimEnd('/');

    /// <summary>A PNG QR code as a data URI, so the printed letter needs no second request.</summary>
    public static string QrCodeDataUri(string link)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(8);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
