using Microsoft.Playwright;

namespace RugcentrumPortal.EndToEnd.Tests;

/// <summary>
/// Pages opened on localhost rather than 127.0.0.1: browsers allow passkeys only on a host name (or a secure
/// address), and localhost counts as secure without TLS.
/// </summary>
public static class PasskeyBrowserPages
{
    public static async Task<IPage> NewLocalhostPageAsync(this PortalBrowser browser, int width, int height)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = new UriBuilder(browser.BaseAddress) { Host = "localhost" }.Uri.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "nl-NL",
        });
        return await context.NewPageAsync();
    }
}
