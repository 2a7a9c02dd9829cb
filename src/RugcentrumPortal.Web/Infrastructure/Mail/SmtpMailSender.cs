using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace RugcentrumPortal.Web.Infrastructure.Mail;

/// <summary>
/// Sends through an SMTP server, or writes the same message to a pickup folder, so development and tests need
/// no mail server and still produce the exact message a patient would receive.
/// </summary>
public sealed class SmtpMailSender(IOptions<MailOptions> options, IHostEnvironment environment, ILogger<SmtpMailSender> logger) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        using var message = new MailMessage(settings.From, mail.To, mail.Subject, mail.TextBody) { IsBodyHtml = false };
        message.BodyEncoding = System.Text.Encoding.UTF8;
        message.SubjectEncoding = System.Text.Encoding.UTF8;
        using var client = CreateClient(settings);
        await client.SendMailAsync(message, cancellationToken);
        logger.LogInformation("Mail '{Subject}' handed over ({Mode})", mail.Subject, settings.Mode);
    }

    private SmtpClient CreateClient(MailOptions settings)
    {
        if (string.Equals(settings.Mode, "Smtp", StringComparison.OrdinalIgnoreCase))
        {
            var client = new SmtpClient(settings.Host ?? throw new InvalidOperationException("Mail:Host is not configured."), settings.Port)
            {
                EnableSsl = settings.EnableSsl,
                DeliveryMethod = SmtpDeliveryMethod.Network,
            };
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                client.Credentials = new NetworkCredential(settings.UserName, settings.Password);
            }
            return client;
        }
        var folder = Path.GetFullPath(settings.PickupDirectory, environment.ContentRootPath);
        Directory.CreateDirectory(folder);
        return new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = folder };
    }
}
