using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Localization;
using RugcentrumPortal.Web.Infrastructure.Pdf;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.Privacy;

/// <summary>
/// The same export as the JSON file, printed as a document a person can read: one section per kind of data with a
/// heading in the reader's language, each item as a list of its fields under their labels, empty fields left out.
/// Built from the JSON itself, so the two can never disagree about what the portal holds; the type each value was
/// written from decides how it reads (see <see cref="ExportTexts"/>).
/// </summary>
public sealed class ExportPdfRenderer(ChromiumPdfPrinter printer, PracticeClock clock, IStringLocalizer<Texts> text, ExportTexts fields)
{
    public async Task<byte[]> RenderAsync(PatientDataExport export, CancellationToken cancellationToken)
    {
        var footer = $"""
            <div style="font-family: 'DejaVu Sans', sans-serif; font-size: 8pt; width: 100%; padding: 0 15mm; text-align: right; color: #3d3d3d;">
            {Encode(text["Print.Page"])} <span class="pageNumber"></span> / <span class="totalPages"></span></div>
            """;
        return await printer.PrintAsync(new PdfRequest(Html(export), footer), cancellationToken);
    }

    private string Html(PatientDataExport export)
    {
        var root = JsonSerializer.SerializeToNode(export, PatientDataExport.Json)!.AsObject();
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html><html lang="{Infrastructure.Localization.CurrentLanguage}"><head><meta charset="utf-8">
            <title>{Encode(text["MyData.Pdf.Title"])}</title><style>{Style}</style></head><body>
            <h1>{Encode(text["MyData.Pdf.Title"])}</h1>
            <p>{Encode(text["MyData.Pdf.Intro", clock.Local(export.MadeAt).ToString("d MMMM yyyy HH:mm")])}</p>
            """);
        var sections = PatientDataExport.Json.GetTypeInfo(typeof(PatientDataExport)).Properties.ToDictionary(p => p.Name);
        foreach (var (name, value) in root)
        {
            if (name == "madeAt")
            {
                continue;
            }
            html.Append($"<section><h2>{Encode(text["MyData.Section." + name])}</h2>");
            var type = ItemType(sections[name], export);
            switch (value)
            {
                case JsonArray { Count: 0 } or null:
                    html.Append($"<p class=\"none\">{Encode(text["MyData.Pdf.None"])}</p>");
                    break;
                case JsonArray items:
                    foreach (var item in items)
                    {
                        AppendItem(html, item, type);
                    }
                    break;
                default:
                    AppendItem(html, value, type);
                    break;
            }
            html.Append("</section>");
        }
        html.Append("</body></html>");
        return html.ToString();
    }

    /// <summary>
    /// The type one item of a section was written from. Sections the export declares as plain objects (shaped by
    /// the exporter's query) are asked of the value itself.
    /// </summary>
    private static Type? ItemType(JsonPropertyInfo section, PatientDataExport export)
    {
        var declared = ElementOf(section.PropertyType);
        if (declared != typeof(object))
        {
            return declared;
        }
        return section.Get?.Invoke(export) switch
        {
            IEnumerable<object> list => list.FirstOrDefault()?.GetType(),
            { } single => single.GetType(),
            null => null,
        };
    }

    private void AppendItem(StringBuilder html, JsonNode? node, Type? type)
    {
        if (node is not JsonObject values)
        {
            html.Append($"<p>{Encode(node?.ToString() ?? "")}</p>");
            return;
        }
        var properties = type is null || type == typeof(object) ? NoFields : FieldsOf.GetOrAdd(type, Fields);
        html.Append("<dl>");
        foreach (var (name, value) in values)
        {
            if (value is null or JsonArray { Count: 0 })
            {
                continue;
            }
            var fieldType = properties.GetValueOrDefault(name);
            html.Append($"<dt>{Encode(fields.Label(name))}</dt>");
            html.Append(IsIdentifier(name, fieldType) ? "<dd class=\"id\">" : "<dd>");
            switch (value)
            {
                case JsonArray list when list.All(v => v is null or JsonValue):
                    var itemType = fieldType is null ? null : ElementOf(fieldType);
                    html.Append(Encode(string.Join(", ", list.Select(v => v is JsonValue single ? fields.Value(name, single, itemType) : "\u2013"))));
                    break;
                case JsonArray list:
                    foreach (var child in list)
                    {
                        AppendItem(html, child, fieldType is null ? null : ElementOf(fieldType));
                    }
                    break;
                case JsonObject:
                    AppendItem(html, value, fieldType);
                    break;
                default:
                    html.Append(Encode(fields.Value(name, value.AsValue(), fieldType)));
                    break;
            }
            html.Append("</dd>");
        }
        html.Append("</dl>");
    }

    /// <summary>
    /// Ids of records and of staff accounts mean nothing to the reader but let the practice find the record when they
    /// ask about it, so they stay, labelled "Kenmerk ...", in small print.
    /// </summary>
    private static bool IsIdentifier(string name, Type? type) =>
        (type is not null && (Nullable.GetUnderlyingType(type) ?? type) == typeof(Guid)) || name.EndsWith("ById", StringComparison.Ordinal) || name == "therapistId";

    /// <summary>The JSON name and type of each field, per type written: a long export has hundreds of items of a few types.</summary>
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, Type>> FieldsOf = new();
    private static readonly IReadOnlyDictionary<string, Type> NoFields = new Dictionary<string, Type>();

    private static IReadOnlyDictionary<string, Type> Fields(Type type) =>
        PatientDataExport.Json.GetTypeInfo(type).Properties.ToDictionary(p => p.Name, p => p.PropertyType);

    private static Type ElementOf(Type type) =>
        type == typeof(string) ? type
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0] ?? type;

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    // A long item (an assessment fills pages) may break between its fields; a heading stays with what follows it.
    private const string Style = """
        body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; color: #1a1a1a; margin: 15mm; }
        h1 { font-size: 18pt; } h2 { font-size: 13pt; border-bottom: 1px solid #999; padding-bottom: 2pt; margin-top: 16pt; break-after: avoid; }
        dl { display: grid; grid-template-columns: 14em 1fr; align-items: baseline; gap: 2pt 8pt; margin: 0 0 8pt; padding: 4pt 0; border-bottom: 1px dotted #ccc; }
        dt { color: #444; } dd { margin: 0; overflow-wrap: anywhere; } dt, dd { break-inside: avoid; }
        dd dl { grid-template-columns: 12em 1fr; border: 0; break-inside: avoid; }
        dd.id { font-size: 8pt; color: #555; }
        .none { color: #555; font-style: italic; }
        """;
}
