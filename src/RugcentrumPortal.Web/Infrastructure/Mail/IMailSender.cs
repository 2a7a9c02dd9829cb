namespace RugcentrumPortal.Web.Infrastructure.Mail;

public sealed record OutgoingMail(string To, string Subject, string TextBody);

public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}
