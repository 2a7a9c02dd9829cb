using Microsoft.Playwright;
using RugcentrumPortal.TestSupport;

/// <summary>Signs in in the browser as staff do: the password, then the code from the authenticator app when asked.</summary>
internal static class BenchSignIn
{
    public static async Task SignInAsync(IPage page, string email, string password = Baseline.Password, string authenticatorKey = Baseline.AuthenticatorKey)
    {
        await page.GotoAsync("/account/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        if (page.Url.Contains("/account/tweestaps", StringComparison.Ordinal))
        {
            await page.GetByLabel("Code van 6 cijfers").FillAsync(Totp.Code(authenticatorKey));
            await page.GetByRole(AriaRole.Button, new() { Name = "Verder" }).ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.Load);
        }
    }
}
