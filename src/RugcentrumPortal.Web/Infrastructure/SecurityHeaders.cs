namespace RugcentrumPortal.Web.Infrastructure;

public static class SecurityHeaders
{
    // Styles may be inline because MudBlazor writes its theme and component sizes as style attributes, which no
    // nonce can reach (ADR 0017); scripts stay 'self' only, and connections only go back to this origin.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /// <summary>
    /// Sets the headers on every response. Signed-in pages may show patient data, so they are never stored
    /// by the browser or a proxy; static files keep their normal caching.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                // A response that chose its own rule keeps it: the practice's photos and videos are cached privately.
                if ((context.User.Identity?.IsAuthenticated == true || context.Request.Path.StartsWithSegments("/account"))
                    && string.IsNullOrEmpty(headers.CacheControl))
                {
                    headers.CacheControl = "no-store";
                    headers.Pragma = "no-cache";
                }
                return Task.CompletedTask;
            });
            await next();
        });
}
