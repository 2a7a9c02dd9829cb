using System.Net;
using System.Text.RegularExpressions;

namespace RugcentrumPortal.Load;

public static partial class Scenarios
{
    public static async Task<IReadOnlyList<Func<Task<bool>>>> CreateAsync(string scenario, Uri baseAddress, int connections)
    {
        var senders = new List<Func<Task<bool>>>();
        if (TherapistPages.TryGetValue(scenario, out var therapistPage))
        {
            // One signed-in therapist on several connections: an authenticator code counts once, so a second sign-in
            // in the same half minute would be refused, and a workspace is one person anyway.
            therapist ??= await PortalSession.SignInAsync(baseAddress, BenchData.TherapistEmail, BenchData.Password, BenchData.TherapistAuthenticatorKey);
            var session = therapist;
            for (var i = 0; i < connections; i++)
            {
                senders.Add(async () =>
                {
                    using var response = await session.Http.GetAsync(therapistPage.Path);
                    var html = await response.Content.ReadAsStringAsync();
                    return response.StatusCode == HttpStatusCode.OK && html.Contains(therapistPage.Shows, StringComparison.Ordinal);
                });
            }
            return senders;
        }
        for (var i = 0; i < connections; i++)
        {
            // Each connection is another patient, spread over the 1,000 so caches do not flatter the figures.
            var patient = 1 + i * (BenchData.Patients / connections);
            var from = BenchData.LoopbackAddress(i);
            senders.Add(scenario switch
            {
                "live" => Live(baseAddress),
                "signin" => SignInPage(baseAddress),
                "pdf" => await PdfAsync(baseAddress),
                "today" => await TodayAsync(baseAddress, patient, from),
                "log" => await LogAsync(baseAddress, patient, from),
                _ => throw new ArgumentException($"Unknown scenario '{scenario}'."),
            });
        }
        return senders;
    }

    private static PortalSession? therapist;

    /// <summary>
    /// The bench therapist's workspace pages as the browser first loads them: the server renders the page with its
    /// data before the live connection takes over, so the request costs what the page's queries cost.
    /// </summary>
    private static readonly Dictionary<string, (string Path, string Shows)> TherapistPages = new()
    {
        ["overview"] = ("/overzicht", "Bench Therapeut"),
        ["patients"] = ("/patienten", "Bench"),
        ["alerts"] = ("/signalen", "Bench"),
    };

    /// <summary>A signed-in patient opening "Vandaag": their active plan, today's logs, the page.</summary>
    private static async Task<Func<Task<bool>>> TodayAsync(Uri baseAddress, int patient, IPAddress from)
    {
        var session = await PortalSession.SignInAsync(baseAddress, BenchData.PatientEmail(patient), BenchData.Password, from: from);
        return async () =>
        {
            using var response = await session.Http.GetAsync("/mijn");
            var html = await response.Content.ReadAsStringAsync();
            return response.StatusCode == HttpStatusCode.OK && html.Contains("name=\"SubmissionId\"", StringComparison.Ordinal);
        };
    }

    /// <summary>A patient pressing "Gedaan": the form post with antiforgery and a fresh submission id each time.</summary>
    private static async Task<Func<Task<bool>>> LogAsync(Uri baseAddress, int patient, IPAddress from)
    {
        var session = await PortalSession.SignInAsync(baseAddress, BenchData.PatientEmail(patient), BenchData.Password, from: from);
        var page = await session.Http.GetStringAsync("/mijn");
        var handler = DoneHandlerOn(page);
        var token = PortalSession.Token(page);
        return async () =>
        {
            using var response = await session.Http.PostAsync("/mijn", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = handler, ["__RequestVerificationToken"] = token, ["SubmissionId"] = Guid.NewGuid().ToString(),
            }));
            return response.StatusCode == HttpStatusCode.Redirect;
        };
    }

    /// <summary>The form handler of the first exercise's "Gedaan" button on "Vandaag".</summary>
    public static string DoneHandlerOn(string page) => DoneHandler().Match(page) is { Success: true } match
        ? match.Groups[1].Value
        : throw new InvalidOperationException("No \"Gedaan\" button on the page.");

    [GeneratedRegex("name=\"_handler\" value=\"(done-[0-9a-f-]{36})\"")]
    private static partial Regex DoneHandler();

    /// <summary>The app's own endpoint without a database: what the framework and server cost on their own.</summary>
    private static Func<Task<bool>> Live(Uri baseAddress)
    {
        var http = new HttpClient { BaseAddress = baseAddress };
        return async () => (await http.GetAsync("/healthz/live")).StatusCode == HttpStatusCode.OK;
    }

    /// <summary>
    /// The sign-in page for someone not signed in: a static page with a form and its antiforgery token, rendered
    /// like the patient's pages but without a session, a query or an access log line. The gap between it and
    /// "Vandaag" is what the data costs; the gap between it and the no-database endpoint is what rendering costs.
    /// </summary>
    private static Func<Task<bool>> SignInPage(Uri baseAddress)
    {
        var http = new HttpClient { BaseAddress = baseAddress };
        return async () =>
        {
            using var response = await http.GetAsync("/account/inloggen");
            var html = await response.Content.ReadAsStringAsync();
            return response.StatusCode == HttpStatusCode.OK && html.Contains("__RequestVerificationToken", StringComparison.Ordinal);
        };
    }

    /// <summary>A therapist downloading the ten-exercise plan of the first bench patient as PDF.</summary>
    private static async Task<Func<Task<bool>>> PdfAsync(Uri baseAddress)
    {
        // One therapist on every connection: a code counts once, so a second sign-in in the same half minute fails.
        var session = therapist ??= await PortalSession.SignInAsync(baseAddress, BenchData.TherapistEmail, BenchData.Password, BenchData.TherapistAuthenticatorKey);
        var list = await session.Http.GetStringAsync("/patienten?zoek=Pati%C3%ABnt%201");
        var patientId = PatientLink().Match(list).Groups[1].Value;
        var url = $"/patienten/{patientId}/plan/pdf";
        return async () =>
        {
            using var response = await session.Http.GetAsync(url);
            var body = await response.Content.ReadAsByteArrayAsync();
            return response.StatusCode == HttpStatusCode.OK && body.Length > 1000 && body[0] == (byte)'%';
        };
    }

    [GeneratedRegex("href=\"patienten/([0-9a-f-]{36})\"")]
    private static partial Regex PatientLink();
}
