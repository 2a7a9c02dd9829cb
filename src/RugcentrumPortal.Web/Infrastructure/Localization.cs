using System.Globalization;
using Microsoft.AspNetCore.Localization;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Infrastructure;

public static class Localization
{
    public static readonly string[] SupportedCultures = ["nl", "en"];
    public const string DefaultCulture = "nl";

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = SupportedCultures.Select(Culture).ToList();
            options.DefaultRequestCulture = new RequestCulture(Culture(DefaultCulture));
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            // Only the user's explicit choice counts: the portal is Dutch unless someone switches.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }

    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/cultuur", (HttpContext context, PracticeClock clock, [Microsoft.AspNetCore.Mvc.FromForm] string culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            if (SupportedCultures.Contains(culture))
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = clock.Now.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = context.Request.IsHttps });
            }
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        });
        return endpoints;
    }

    /// <summary>
    /// A path on this site, safe to redirect to: no other site ("//host", "/\host", "https://..."), and only
    /// printable ASCII, as an address the portal itself made is escaped; a control character or a raw non-ASCII
    /// character would make the redirect itself fail.
    /// </summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && url.All(c => c is >= ' ' and < (char)0x7F);

    /// <summary>
    /// The culture the portal uses for a language. Dates read day-month-year in English too, as every date a
    /// Dutch practice writes does: 12-03-1948 is 12 March, in whichever language the page is shown.
    /// </summary>
    public static CultureInfo Culture(string language)
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo(language).Clone();
        if (language == "en")
        {
            culture.DateTimeFormat.ShortDatePattern = "dd-MM-yyyy";
            culture.DateTimeFormat.LongDatePattern = "d MMMM yyyy";
            culture.DateTimeFormat.FullDateTimePattern = "d MMMM yyyy HH:mm:ss";
            culture.DateTimeFormat.ShortTimePattern = "HH:mm";
            culture.DateTimeFormat.LongTimePattern = "HH:mm:ss";
        }
        return CultureInfo.ReadOnly(culture);
    }

    public static string CurrentLanguage => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
}
