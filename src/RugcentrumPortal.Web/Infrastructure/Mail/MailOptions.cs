namespace RugcentrumPortal.Web.Infrastructure.Mail;

public sealed class MailOptions
{
    public const string Section = "Mail";

    public string From { get; set; } = "portaal@rugcentrum.example";

    /// <summary>"Pickup" writes each message as an .eml file (development, tests); "Smtp" sends it.</summary>
    public string Mode { get; set; } = "Pickup";

    public string PickupDirectory { get; set; } = ".data/mail";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public bool EnableSsl { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
}
