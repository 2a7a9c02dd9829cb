using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.AccessLog;
using RugcentrumPortal.Web.Infrastructure.Pdf;

namespace RugcentrumPortal.Web.Features.PlanPrint;

public static class PlanPdfEndpoints
{
    public static IServiceCollection AddPlanPrinting(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PdfOptions>(configuration.GetSection(PdfOptions.Section));
        services.AddSingleton<ChromiumPdfPrinter>();
        services.AddSingleton<PlanPdfRenderer>();
        services.AddScoped<PlanPrintLoader>();
        return services;
    }

    public static IEndpointRouteBuilder MapPlanPdf(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/patienten/{patientId:guid}/plan/pdf", (Guid patientId, Guid? versie, HttpContext context, PlanPrintLoader loader, PlanPdfRenderer renderer) =>
                ExportAsync(loader.LoadAsync(patientId, versie, context.RequestAborted), $"/patienten/{patientId}/plan/afdrukken", context, renderer))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Therapist));
        endpoints.MapGet("/mijn/plan/pdf", (HttpContext context, PlanPrintLoader loader, PlanPdfRenderer renderer) =>
                ExportAsync(loader.LoadAsync(null, null, context.RequestAborted), "/mijn/plan/afdrukken", context, renderer))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Patient));
        return endpoints;
    }

    private static async Task<IResult> ExportAsync(Task<PlanPrintModel?> loading, string printPage, HttpContext context, PlanPdfRenderer renderer)
    {
        var model = await loading;
        if (model is null)
        {
            return Results.NotFound();
        }
        try
        {
            var pdf = await renderer.RenderAsync(model, context.RequestAborted);
            await context.RequestServices.GetRequiredService<AccessLogWriter>().RecordAsync(
                AccessEvent.PdfExport, model.PatientId, "PlanPdf", $"{context.Request.Path} plan {model.PlanId}", context.RequestAborted);
            context.Response.Headers.CacheControl = "no-store";
            return Results.File(pdf, "application/pdf", model.FileName("pdf"));
        }
        catch (PdfUnavailableException ex)
        {
            context.RequestServices.GetRequiredService<ILogger<PlanPdfRenderer>>().LogWarning(ex, "PDF export failed; offering browser printing");
            return Results.LocalRedirect(printPage + "?pdf=onbeschikbaar");
        }
    }
}

/// <summary>Renders the plan layout to a standalone HTML page with its stylesheet inlined, then prints it.</summary>
public sealed class PlanPdfRenderer(IServiceProvider services, ILoggerFactory loggers, ChromiumPdfPrinter printer, IWebHostEnvironment environment, IStringLocalizer<Texts> text)
{
    private readonly Lazy<string> stylesheet = new(() =>
        File.ReadAllText(Path.Combine(environment.WebRootPath, "css", "plan-print.css")));

    public async Task<byte[]> RenderAsync(PlanPrintModel model, CancellationToken cancellationToken)
    {
        await using var renderer = new HtmlRenderer(services, loggers);
        var body = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<PlanDocument>(ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(PlanDocument.Model)] = model })))
            .ToHtmlString());
        var html = $"""
            <!DOCTYPE html>
            <html lang="{Infrastructure.Localization.CurrentLanguage}"><head><meta charset="utf-8"><title>{Escape(model.PlanTitle)}</title>
            <style>{stylesheet.Value}</style></head><body>{body}</body></html>
            """;
        // Chromium fills in pageNumber and totalPages; the footer carries the plan version on every page.
        var footer = $"""
            <div style="font-family: 'DejaVu Sans', sans-serif; font-size: 8pt; width: 100%; padding: 0 15mm; display: flex; justify-content: space-between; color: #3d3d3d;">
            <span>{Escape(model.PatientName)} · {Escape(text["Print.Version", model.Version])}</span>
            <span>{Escape(text["Print.Page"])} <span class="pageNumber"></span> / <span class="totalPages"></span></span></div>
            """;
        return await printer.PrintAsync(new PdfRequest(html, footer), cancellationToken);
    }

    private static string Escape(string value) => System.Net.WebUtility.HtmlEncode(value);
}
