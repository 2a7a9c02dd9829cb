using Microsoft.Playwright;

namespace RugcentrumPortal.EndToEnd.Tests;

/// <summary>
/// For pages that must load again by themselves (the reconnect dialog reloads when its server is gone): mark the
/// page, then wait until the mark is gone, which only a fresh load of the page does.
/// </summary>
public static class PageReloads
{
    public static Task MarkAsync(IPage page) => page.EvaluateAsync("window.stillThisPage = true");

    public static async Task WaitForReloadAsync(IPage page, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until)
        {
            try
            {
                if (await page.EvaluateAsync<bool>("window.stillThisPage === undefined"))
                {
                    return;
                }
            }
            catch (PlaywrightException)
            {
                // Asked just while the page was being replaced.
            }
            await Task.Delay(250);
        }
        Assert.Fail($"The page did not load again within {within.TotalSeconds} s.");
    }
}
