using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RugcentrumPortal.EndToEnd.Tests;

/// <summary>
/// Passkeys in a real browser: Chromium's virtual authenticator stands in for the fingerprint reader of a phone or
/// laptop (it keeps the passkey on the "device" and reports the user as verified). Passkeys need a host name, not an
/// IP address, so these pages are opened on localhost.
/// </summary>
public class PasskeyJourneyTests(PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    [Fact]
    public async Task A_therapist_adds_a_passkey_and_signs_in_with_it_without_the_code_step()
    {
        var (page, _) = await OpenWithAuthenticatorAsync(1280, 900);
        await PortalBrowser.LogInAsync(page, Baseline.NoordSecondTherapist);
        await AddPasskeyAsync(page, "Laptop praktijk");

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "De passkey is toegevoegd" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#passkey-list .passkey-name")).ToHaveTextAsync(["Laptop praktijk"]);
        await Assertions.Expect(page.Locator("#passkey-list")).ToContainTextAsync("Nog niet gebruikt om in te loggen");
        await PortalBrowser.ScreenshotAsync(page, "passkey-list-desktop");
        await PortalBrowser.AssertNoSeriousAccessibilityViolationsAsync(page);

        await LogOutAsync(page);
        await page.GotoAsync("/account/inloggen");
        await PortalBrowser.ScreenshotAsync(page, "passkey-login-desktop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Passkey gebruiken" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/overzicht$"));
        await page.GotoAsync("/account/tweestaps-instellen");
        await Assertions.Expect(page.Locator("#passkey-list")).ToContainTextAsync("Laatst gebruikt op");
    }

    [Fact]
    public async Task A_removed_passkey_no_longer_signs_in_and_says_so()
    {
        var (page, _) = await OpenWithAuthenticatorAsync(390, 844);
        await PortalBrowser.LogInAsync(page, Baseline.NoordAdmin);
        await AddPasskeyAsync(page, "Telefoon");
        await PortalBrowser.ScreenshotAsync(page, "passkey-list-phone");
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Passkey Telefoon verwijderen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "De passkey is verwijderd" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#passkey-none")).ToBeVisibleAsync();

        await LogOutAsync(page);
        await page.GotoAsync("/account/inloggen");
        await PortalBrowser.ScreenshotAsync(page, "passkey-login-phone");
        // The browser still holds the passkey; the portal no longer knows it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Passkey gebruiken" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Inloggen met deze passkey lukt niet" })).ToBeVisibleAsync();
        Assert.EndsWith("/account/inloggen", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.GotoAsync("/overzicht");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/inloggen"));
    }

    [Fact]
    public async Task The_browsers_answer_once_used_does_not_sign_in_again()
    {
        var (page, _) = await OpenWithAuthenticatorAsync(1280, 900);
        await PortalBrowser.LogInAsync(page, Baseline.NoordTherapist);
        await AddPasskeyAsync(page, "Werkplek");
        await LogOutAsync(page);
        await page.GotoAsync("/account/inloggen");
        var post = await page.RunAndWaitForRequestAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Passkey gebruiken" }).ClickAsync(),
            request => request.Method == "POST" && request.Url.Contains("/account/inloggen", StringComparison.Ordinal));
        var answer = System.Web.HttpUtility.ParseQueryString(post.PostData!)["Credential"]!;
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/overzicht$"));
        await LogOutAsync(page);

        // The same answer again, now against a fresh sign-in the page asked for: an eavesdropper's replay.
        await page.GotoAsync("/account/inloggen");
        await page.EvaluateAsync(@"async answer => {
            const form = document.querySelector('form[data-passkey-form=get]');
            await fetch(form.dataset.options, { method: 'POST', body: new FormData(form) });
            form.querySelector('[data-passkey-credential]').value = answer;
            form.submit();
        }", answer);

        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Inloggen met deze passkey lukt niet" })).ToBeVisibleAsync();
        await page.GotoAsync("/overzicht");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/inloggen"));
    }

    [Fact]
    public async Task A_passkey_answer_without_the_fingerprint_or_pin_check_does_not_sign_in()
    {
        var (page, cdp) = await OpenWithAuthenticatorAsync(1280, 900);
        await PortalBrowser.LogInAsync(page, Baseline.ZuidTherapist);
        await AddPasskeyAsync(page, "Gedeelde computer");
        await LogOutAsync(page);
        var stored = await cdp.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = authenticatorIds[page] });
        var credential = stored!.Value.GetProperty("credentials")[0];

        // A device that only saw a button pressed, not who pressed it (no fingerprint, face or PIN): the browser
        // would not send such an answer, so it is made and signed here with the passkey's own key, exactly as a
        // device would, with only the "user verified" flag left off. Anyone at an unlocked computer could send it.
        await page.GotoAsync("/account/inloggen");
        await page.EvaluateAsync(UnverifiedAnswer, new
        {
            id = credential.GetProperty("credentialId").GetString(),
            key = credential.GetProperty("privateKey").GetString(),
            user = credential.GetProperty("userHandle").GetString(),
            count = credential.GetProperty("signCount").GetInt32() + 1,
        });

        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Inloggen met deze passkey lukt niet" })).ToBeVisibleAsync();
        await page.GotoAsync("/overzicht");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/inloggen"));
    }

    /// <summary>Asks the portal for a sign-in challenge and answers it as a device without user verification would.</summary>
    private const string UnverifiedAnswer = """
        async ({ id, key, user, count }) => {
            const bytes = b64 => Uint8Array.from(atob(b64.replace(/-/g, '+').replace(/_/g, '/')), c => c.charCodeAt(0));
            const url = buf => btoa(String.fromCharCode(...new Uint8Array(buf))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
            const form = document.querySelector('form[data-passkey-form=get]');
            const options = await (await fetch(form.dataset.options, { method: 'POST', body: new FormData(form) })).json();
            const clientData = new TextEncoder().encode(JSON.stringify({ type: 'webauthn.get', challenge: options.challenge, origin: location.origin, crossOrigin: false }));
            const rpIdHash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(options.rpId ?? location.hostname)));
            const authenticatorData = new Uint8Array(37);
            authenticatorData.set(rpIdHash, 0);
            authenticatorData[32] = 0x01; // user present; the "user verified" bit (0x04) is not set
            new DataView(authenticatorData.buffer).setUint32(33, count);
            const signed = new Uint8Array([...authenticatorData, ...new Uint8Array(await crypto.subtle.digest('SHA-256', clientData))]);
            const privateKey = await crypto.subtle.importKey('pkcs8', bytes(key), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
            const raw = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, signed));
            const integer = part => { let i = 0; while (i < part.length - 1 && part[i] === 0) i++; part = part.slice(i); return part[0] & 0x80 ? [0x02, part.length + 1, 0, ...part] : [0x02, part.length, ...part]; };
            const r = integer(raw.slice(0, 32)), s = integer(raw.slice(32));
            const signature = new Uint8Array([0x30, r.length + s.length, ...r, ...s]);
            form.querySelector('[data-passkey-credential]').value = JSON.stringify({
                id: url(bytes(id)), rawId: url(bytes(id)), type: 'public-key', authenticatorAttachment: 'platform', clientExtensionResults: {},
                response: { clientDataJSON: url(clientData), authenticatorData: url(authenticatorData), signature: url(signature), userHandle: url(bytes(user)) },
            });
            form.submit();
        }
        """;

    [Fact]
    public async Task A_closed_browser_prompt_says_nothing_changed_and_stays_on_the_page()
    {
        var page = await browser.NewLocalhostPageAsync(1280, 900);
        await page.GotoAsync("/account/inloggen");
        // As when the person presses "Cancel" in the browser's own passkey window.
        await page.EvaluateAsync("() => { navigator.credentials.get = () => Promise.reject(new DOMException('cancelled', 'NotAllowedError')); }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Passkey gebruiken" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-passkey-message]").First).ToHaveTextAsync("Het venster voor de passkey is gesloten. Er is niets veranderd. Probeer het opnieuw als u wilt.");
        Assert.EndsWith("/account/inloggen", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }

    private readonly Dictionary<IPage, string> authenticatorIds = [];

    private async Task<(IPage Page, ICDPSession Cdp)> OpenWithAuthenticatorAsync(int width, int height)
    {
        var page = await browser.NewLocalhostPageAsync(width, height);
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        var added = await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        authenticatorIds[page] = added!.Value.GetProperty("authenticatorId").GetString()!;
        return (page, cdp);
    }

    private static async Task AddPasskeyAsync(IPage page, string name)
    {
        await page.GotoAsync("/account/tweestaps-instellen");
        await page.GetByLabel("Naam van de passkey").FillAsync(name);
        await page.GetByLabel("Uw wachtwoord, ter controle").FillAsync(Baseline.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Passkey toevoegen" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("passkey=toegevoegd"));
    }

    private static async Task LogOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/account/inloggen"));
    }
}
