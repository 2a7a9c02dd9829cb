namespace RugcentrumPortal.Web.Infrastructure.Mail;

public static class MailSetup
{
    public static IServiceCollection AddPortalMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddSingleton<IMailSender, SmtpMailSender>();
        services.AddSingleton<PortalAddress>();
        return services;
    }
}
