using Microsoft.AspNetCore.Diagnostics;

namespace RugcentrumPortal.Web.Infrastructure;

/// <summary>
/// Answers 400 with the friendly status page, instead of 500, when a value in the address cannot be read: a query
/// value Blazor cannot convert to its <c>[SupplyParameterFromQuery]</c> type (<c>?pagina=abc</c>, <c>?alle=abc</c>),
/// a path or query value with a control character, which no page can use and PostgreSQL refuses in text, or an
/// endpoint's own 400 to a GET. Pages keep their typed query parameters; none of them has to guard against this.
/// </summary>
public static class MalformedRequests
{
    private static readonly object Marker = new();

    /// <summary>
    /// Place inside the status-code pages, so the 400 is re-executed as the status page. Only the cases above
    /// become a 400; every other exception still reaches the exception handler as a server error.
    /// </summary>
    public static IApplicationBuilder UseMalformedRequestsAsBadRequest(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
            {
                await ShowStatusPageAsync(context, next);
                return;
            }
            if (HasControlCharacter(context.Request))
            {
                Refuse(context);
                return;
            }
            try
            {
                await next(context);
            }
            catch (InvalidOperationException exception) when (IsUnreadableQueryValue(exception) && !context.Response.HasStarted)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MalformedRequests))
                    .LogInformation("Malformed query value: {Message}", exception.Message);
                context.Response.Clear();
                Refuse(context);
                return;
            }
            // A GET carries nothing but its address, so an endpoint's own 400 (a minimal API parameter that does
            // not bind, such as ?versie=abc on the PDF download) is a malformed address too.
            if (context.Response.StatusCode == StatusCodes.Status400BadRequest && !context.Response.HasStarted
                && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
            {
                Refuse(context);
            }
        });

    /// <summary>
    /// The status page only shows a message, so it is rendered as a GET: re-executed as the refused POST, the page
    /// would read that POST's form again, which throws when the form's antiforgery check has already failed.
    /// </summary>
    private static async Task ShowStatusPageAsync(HttpContext context, RequestDelegate next)
    {
        var method = context.Request.Method;
        context.Request.Method = HttpMethods.Get;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = method;
        }
    }

    /// <summary>Whether the status page is shown because the address held a value that cannot be read.</summary>
    public static bool IsMalformed(HttpContext? context) => context?.Items.ContainsKey(Marker) == true;

    /// <summary>
    /// What Blazor throws when a query value does not parse as the property's type: an InvalidOperationException
    /// from its URL value converter ("Cannot parse the value 'abc' as type ... for 'pagina'.").
    /// </summary>
    public static bool IsUnreadableQueryValue(Exception exception) =>
        exception is InvalidOperationException
        && exception.TargetSite?.DeclaringType is { } thrower
        && thrower.Assembly == typeof(Microsoft.AspNetCore.Components.SupplyParameterFromQueryAttribute).Assembly
        && thrower.Namespace == "Microsoft.AspNetCore.Components.Routing"
        && thrower.Name.Contains("UrlValueConstraint", StringComparison.Ordinal)
        && exception.Message.StartsWith("Cannot parse the value", StringComparison.Ordinal);

    private static bool HasControlCharacter(HttpRequest request)
    {
        if (IsUnusable(request.Path.Value))
        {
            return true;
        }
        foreach (var (key, values) in request.Query)
        {
            if (IsUnusable(key) || values.Any(IsUnusable))
            {
                return true;
            }
        }
        return false;
    }

    // Tab and line breaks may come from a text field submitted by GET; other control characters never do.
    private static bool IsUnusable(string? value) =>
        value is not null && value.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n'));

    private static void Refuse(HttpContext context)
    {
        context.Items[Marker] = true;
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
    }
}
