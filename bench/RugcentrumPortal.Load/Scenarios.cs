using System.Net;
using System.Text.RegularExpressions;

namespace RugcentrumPortal.Load;

public static partial class Scenarios
{
    public static async Task<IReadOnlyList<Func<Task<bool>>>> CreateAsync(string scenario, Uri baseAddress, int connections)
    {
        var senders = new List<Func<Task<bool>>>();
        for (var i = 0; i < connections; i++)
        {
            senders.Add(scenario switch
            {
                "live" => Live(baseAddress),
                "pdf" => await PdfAsync(baseAddress),
                _ => throw new ArgumentException($"Unknown scenario '{scenario}'."),
            });
        }
        return senders;
    }

    /// <summary>The app's own endpoint without a database: what the framework and server cost on their own.</summary>
    private static Func<Task<bool>> Live(Uri baseAddress)
    {
        var http = new HttpClient { BaseAddress = baseAddress };
        return async () => (await http.GetAsync("/healthz/live")).StatusCode == HttpStatusCode.OK;
    }

    /// <summary>A therapist downloading the ten-exercise plan of the first bench patient as PDF.</summary>
    private static async Task<Func<Task<bool>>> PdfAsync(Uri baseAddress)
    {
        var session = await PortalSession.SignInAsync(baseAddress, BenchData.TherapistEmail, BenchData.Password);
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
