using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.AccessLog;
using RugcentrumPortal.Web.Infrastructure.Access;
using RugcentrumPortal.Web.Infrastructure.Pdf;
using RugcentrumPortal.Web.Infrastructure.Security;

namespace RugcentrumPortal.Web.Features.Privacy;

public static class PrivacySetup
{
    /// <summary><c>Retention:RunInBackground</c> (true unless set) runs the daily retention job; tests drive it by hand.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<PatientDataExporter>();
        services.AddScoped<ErasureService>();
        services.AddSingleton<ExportTexts>();
        services.AddSingleton<ExportPdfRenderer>();
        services.AddSingleton<RetentionService>();
        if (configuration.GetValue("Retention:RunInBackground", true))
        {
            services.AddHostedService<RetentionJob>();
        }
        return services;
    }

    /// <summary>The patient's own data as a file: JSON for machines, PDF for people.</summary>
    public static IEndpointRouteBuilder MapPrivacyExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/mijn/gegevens/export.json", async (HttpContext context, PatientDataExporter exporter, SecurityEvents security, CurrentUser user) =>
            {
                if (await exporter.ForSignedInPatientAsync(context.RequestAborted) is not { } export)
                {
                    return Results.NotFound();
                }
                security.DataExported(export.PatientId, "JSON", user.UserId);
                await context.RequestServices.GetRequiredService<AccessLogWriter>().RecordAsync(
                    AccessEvent.DataExport, export.PatientId, "DataExport", $"{context.Request.Path}", context.RequestAborted);
                context.Response.Headers.CacheControl = "no-store";
                return Results.File(export.ToJson(), "application/json", $"mijn-gegevens-{export.MadeAt:yyyy-MM-dd}.json");
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Patient));
        endpoints.MapGet("/mijn/gegevens/export.pdf", async (HttpContext context, PatientDataExporter exporter, ExportPdfRenderer renderer, SecurityEvents security, ILogger<PatientDataExporter> logger, CurrentUser user) =>
            {
                if (await exporter.ForSignedInPatientAsync(context.RequestAborted) is not { } export)
                {
                    return Results.NotFound();
                }
                try
                {
                    var pdf = await renderer.RenderAsync(export, context.RequestAborted);
                    security.DataExported(export.PatientId, "PDF", user.UserId);
                    await context.RequestServices.GetRequiredService<AccessLogWriter>().RecordAsync(
                        AccessEvent.DataExport, export.PatientId, "DataExport", $"{context.Request.Path}", context.RequestAborted);
                    context.Response.Headers.CacheControl = "no-store";
                    return Results.File(pdf, "application/pdf", $"mijn-gegevens-{export.MadeAt:yyyy-MM-dd}.pdf");
                }
                catch (PdfUnavailableException e)
                {
                    logger.LogWarning(e, "The data export could not be printed; the page offers the JSON file");
                    return Results.LocalRedirect("/mijn/gegevens?pdf=onbeschikbaar");
                }
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Patient));
        return endpoints;
    }
}
