using System.Diagnostics;

namespace RugcentrumPortal.Web.Tests.PlanPrint;

/// <summary>Debian's poppler-utils, the way a person would check a PDF: its text per page, its fonts, a page image.</summary>
public static class PdfTools
{
    public static string ImageDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>The text of every page, in reading order (pdftotext separates pages with a form feed).</summary>
    public static async Task<string[]> PagesAsync(byte[] pdf) =>
        (await RunOnFileAsync(pdf, file => ("pdftotext", $"-layout \"{file}\" -"))).Split('\f').Where(p => p.Trim().Length > 0).ToArray();

    public static Task<string> FontsAsync(byte[] pdf) => RunOnFileAsync(pdf, file => ("pdffonts", $"\"{file}\""));

    public static async Task<string> FirstPageImageAsync(byte[] pdf, string name)
    {
        Directory.CreateDirectory(ImageDirectory);
        var prefix = Path.Combine(ImageDirectory, name);
        // Kept beside the image so a person can open the whole document after the run.
        await File.WriteAllBytesAsync(prefix + ".pdf", pdf);
        await RunOnFileAsync(pdf, file => ("pdftoppm", $"-png -r 60 -f 1 -l 1 -singlefile \"{file}\" \"{prefix}\""));
        return prefix + ".png";
    }

    private static async Task<string> RunOnFileAsync(byte[] pdf, Func<string, (string Tool, string Arguments)> command)
    {
        var file = Path.Combine(Path.GetTempPath(), $"rc-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var (tool, arguments) = command(file);
            using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{tool} failed: {await process.StandardError.ReadToEndAsync()}");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
