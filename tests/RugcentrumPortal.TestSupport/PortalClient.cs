using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace RugcentrumPortal.TestSupport;

public sealed record Page(HttpStatusCode Status, IHtmlDocument Document, Uri Url, HttpResponseMessage Response)
{
    public string Text => Document.Body?.TextContent ?? "";
}

/// <summary>
/// Drives the portal the way a browser does without script: GET a page, fill in a form that is really on it
/// (hidden antiforgery token included), POST it, follow the redirect.
/// </summary>
public sealed class PortalClient(HttpClient http, CookieContainer cookies) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http => http;

    /// <summary>The cookies this client holds, e.g. to replay a sign-in cookie from elsewhere.</summary>
    public CookieContainer Cookies => cookies;

    /// <summary>The Cookie header this client sends to the portal.</summary>
    public string CookieHeader => cookies.GetCookieHeader(http.BaseAddress!);

    public Task<HttpResponseMessage> GetAsync(string url) => http.GetAsync(url);

    public async Task<Page> GetPageAsync(string url) => await FollowAsync(await http.GetAsync(url));

    /// <summary>
    /// Signs in as a person does: the password, then, when the portal asks for it, the code their authenticator app
    /// shows for <paramref name="authenticatorKey"/> (every staff account of the test data has <see cref="Baseline.AuthenticatorKey"/>).
    /// </summary>
    public async Task<Page> LoginAsync(string email, string password = Baseline.Password, string authenticatorKey = Baseline.AuthenticatorKey)
    {
        var login = await GetPageAsync("/account/inloggen");
        var next = await SubmitAndFollowAsync(login, "form[method=post]:has(input[name='Input.Password'])",
            new() { ["Input.Email"] = email, ["Input.Password"] = password });
        if (IsSetupPage(next))
        {
            var done = await SetUpAuthenticatorAsync(next);
            return await GetPageAsync(done.Document.QuerySelector("a.btn-primary[href]")!.GetAttribute("href")!);
        }
        return IsCodePage(next) ? await EnterCodeAsync(next, Totp.Code(authenticatorKey)) : next;
    }

    /// <summary>Whether the portal asks to set up the authenticator app (staff at their first sign-in).</summary>
    public static bool IsSetupPage(Page page) => page.Document.QuerySelector(SetupForm) is not null;

    /// <summary>Sets up the authenticator app as a person does: the key from the page into the app, the app's code back.</summary>
    public Task<Page> SetUpAuthenticatorAsync(Page setupPage) =>
        SubmitAndFollowAsync(setupPage, SetupForm, new() { ["Confirm.Code"] = Totp.Code(AuthenticatorKeyOn(setupPage)) });

    /// <summary>The key written out on the set-up page, as typed into an app.</summary>
    public static string AuthenticatorKeyOn(Page setupPage) =>
        setupPage.Document.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    private const string SetupForm = "form[method=post]:has(input[name='Confirm.Code'])";

    /// <summary>Whether the portal is asking for the code from the authenticator app.</summary>
    public static bool IsCodePage(Page page) => page.Document.QuerySelector(CodeForm) is not null;

    /// <summary>Types a code into the second step of signing in.</summary>
    public Task<Page> EnterCodeAsync(Page codePage, string code) =>
        SubmitAndFollowAsync(codePage, CodeForm, new() { ["Code.Value"] = code });

    private const string CodeForm = "form[method=post]:has(input[name='Code.Value'])";

    /// <summary>Posts the form found by <paramref name="formSelector"/>, with its own fields overridden by <paramref name="values"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(Page page, string formSelector, Dictionary<string, string?> values, string? submitName = null, string? submitValue = null)
    {
        var form = page.Document.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button" or "image"):
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked)
                    {
                        continue;
                    }
                    fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name, select.Value ?? ""));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
            }
        }
        foreach (var (name, value) in values)
        {
            fields.RemoveAll(f => f.Key == name);
            if (value is not null)
            {
                fields.Add(new(name, value));
            }
        }
        if (submitName is not null)
        {
            fields.Add(new(submitName, submitValue ?? ""));
        }
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Url : new Uri(BaseOf(page), form.GetAttribute("action")!);
        return await http.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    public async Task<Page> SubmitAndFollowAsync(Page page, string formSelector, Dictionary<string, string?> values, string? submitName = null, string? submitValue = null) =>
        await FollowAsync(await SubmitAsync(page, formSelector, values, submitName, submitValue));

    public async Task<Page> FollowAsync(HttpResponseMessage response)
    {
        for (var hops = 0; IsRedirect(response.StatusCode); hops++)
        {
            if (hops == 5)
            {
                throw new InvalidOperationException("Too many redirects.");
            }
            var location = response.Headers.Location!;
            var next = location.IsAbsoluteUri ? location : new Uri(response.RequestMessage!.RequestUri!, location);
            response = await http.GetAsync(next);
        }
        var html = await response.Content.ReadAsStringAsync();
        return new Page(response.StatusCode, Parser.ParseDocument(html), response.RequestMessage!.RequestUri!, response);
    }

    /// <summary>Relative links resolve against the page's &lt;base href&gt;, as in a browser.</summary>
    public static Uri BaseOf(Page page) =>
        page.Document.QuerySelector("base[href]")?.GetAttribute("href") is { } href ? new Uri(page.Url, href) : page.Url;

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;

    public void Dispose() => http.Dispose();
}
