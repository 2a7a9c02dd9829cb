using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;
using RugcentrumPortal.Web.Infrastructure.Pdf;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.Privacy;

/// <summary>
/// The same export as the JSON file, printed as a document a person can read: one section per kind of data with a
/// heading in the reader's language, each item as a list of its fields, empty fields left out. Built from the JSON
/// itself, so the two can never disagree about what the portal holds.
/// </summary>
public sealed class ExportPdfRenderer(ChromiumPdfPrinter printer, PracticeClock clock, IStringLocalizer<Texts> text)
{
    public async Task<byte[]> RenderAsync(PatientDataExport export, CancellationToken cancellationToken)
    {
        var root = JsonSerializer.SerializeToNode(export, PatientDataExport.Json)!.AsObject();
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html><html lang="{Infrastructure.Localization.CurrentLanguage}"><head><meta charset="utf-8">
            <title>{Encode(text["MyData.Pdf.Title"])}</title><style>{Style}</style></head><body>
            <h1>{Encode(text["MyData.Pdf.Title"])}</h1>
            <p>{Encode(text["MyData.Pdf.Intro", clock.Local(export.MadeAt).ToString("d MMMM yyyy HH:mm")])}</p>
            """);
        foreach (var (name, value) in root)
        {
            if (name == "madeAt")
            {
                continue;
            }
            html.Append($"<section><h2>{Encode(text["MyData.Section." + name])}</h2>");
            switch (value)
            {
                case JsonArray { Count: 0 } or null:
                    html.Append($"<p class=\"none\">{Encode(text["MyData.Pdf.None"])}</p>");
                    break;
                case JsonArray items:
                    foreach (var item in items)
                    {
                        AppendItem(html, item);
                    }
                    break;
                default:
                    AppendItem(html, value);
                    break;
            }
            html.Append("</section>");
        }
        html.Append("</body></html>");
        var footer = $"""
            <div style="font-family: 'DejaVu Sans', sans-serif; font-size: 8pt; width: 100%; padding: 0 15mm; text-align: right; color: #3d3d3d;">
            {Encode(text["Print.Page"])} <span class="pageNumber"></span> / <span class="totalPages"></span></div>
            """;
        return await printer.PrintAsync(new PdfRequest(html.ToString(), footer), cancellationToken);
    }

    private static void AppendItem(StringBuilder html, JsonNode? node)
    {
        if (node is not JsonObject fields)
        {
            html.Append($"<p>{Encode(node?.ToString() ?? "")}</p>");
            return;
        }
        html.Append("<dl>");
        foreach (var (name, value) in fields)
        {
            if (value is null or JsonArray { Count: 0 })
            {
                continue;
            }
            html.Append($"<dt>{Encode(name)}</dt><dd>");
            if (value is JsonObject or JsonArray)
            {
                foreach (var child in value is JsonArray list ? list : new JsonArray(value.DeepClone()))
                {
                    AppendItem(html, child);
                }
            }
            else
            {
                html.Append(Encode(value.ToString()));
            }
            html.Append("</dd>");
        }
        html.Append("</dl>");
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    private const string Style = """
        body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; color: #1a1a1a; margin: 15mm; }
        h1 { font-size: 18pt; } h2 { font-size: 13pt; border-bottom: 1px solid #999; padding-bottom: 2pt; margin-top: 16pt; }
        dl { display: grid; grid-template-columns: 14em 1fr; gap: 2pt 8pt; margin: 0 0 8pt; padding: 4pt 0; border-bottom: 1px dotted #ccc; break-inside: avoid; }
        dt { color: #444; } dd { margin: 0; overflow-wrap: anywhere; } dd dl { grid-template-columns: 12em 1fr; border: 0; }
        .none { color: #555; font-style: italic; }
        """;
}
