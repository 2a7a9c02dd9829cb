namespace RugcentrumPortal.Web.Infrastructure.Pdf;

public sealed class PdfOptions
{
    public const string Section = "Pdf";

    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>Pages printed at the same time; more only queue, since each print takes a core.</summary>
    public int MaxConcurrency { get; set; } = 2;

    public int TimeoutSeconds { get; set; } = 30;
}
