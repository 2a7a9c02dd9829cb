using System.Net;

namespace RugcentrumPortal.Web.Tests.Infrastructure;

/// <summary>Every page against every role, including the other practice's patient: the server decides, never the menu.</summary>
public class AccessMatrixTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    public enum Outcome { Shown, AskedToLogIn, Denied, NotFound }

    private const string Anonymous = "anonymous";

    private static readonly string NoordPatientPage = $"/patienten/{Baseline.NoordPatientId}";
    private static readonly string NoordOtherPatientPage = $"/patienten/{Baseline.NoordOtherPatientId}";
    private static readonly string ZuidPatientPage = $"/patienten/{Baseline.ZuidPatientId}";

    public static TheoryData<string, string, Outcome> Cases()
    {
        var data = new TheoryData<string, string, Outcome>();
        void Add(string page, Outcome anonymous, Outcome admin, Outcome therapist, Outcome patient, Outcome otherTherapist)
        {
            data.Add(page, Anonymous, anonymous);
            data.Add(page, Baseline.NoordAdmin, admin);
            data.Add(page, Baseline.NoordTherapist, therapist);
            data.Add(page, Baseline.NoordPatient, patient);
            data.Add(page, Baseline.ZuidTherapist, otherTherapist);
        }
        Add("/patienten", Outcome.AskedToLogIn, Outcome.Denied, Outcome.Shown, Outcome.Denied, Outcome.Shown);
        Add("/patienten/nieuw", Outcome.AskedToLogIn, Outcome.Denied, Outcome.Shown, Outcome.Denied, Outcome.Shown);
        Add(NoordPatientPage, Outcome.AskedToLogIn, Outcome.Denied, Outcome.Shown, Outcome.Denied, Outcome.NotFound);
        Add(NoordOtherPatientPage, Outcome.AskedToLogIn, Outcome.Denied, Outcome.Shown, Outcome.Denied, Outcome.NotFound);
        Add(ZuidPatientPage, Outcome.AskedToLogIn, Outcome.Denied, Outcome.NotFound, Outcome.Denied, Outcome.Shown);
        Add($"/patienten/{Guid.NewGuid()}", Outcome.AskedToLogIn, Outcome.Denied, Outcome.NotFound, Outcome.Denied, Outcome.NotFound);
        Add("/overzicht", Outcome.AskedToLogIn, Outcome.Denied, Outcome.Shown, Outcome.Denied, Outcome.Shown);
        Add("/mijn", Outcome.AskedToLogIn, Outcome.Denied, Outcome.Denied, Outcome.Shown, Outcome.Denied);
        Add("/mijn/berichten", Outcome.AskedToLogIn, Outcome.Denied, Outcome.Denied, Outcome.Shown, Outcome.Denied);
        Add("/mijn/herinneringen", Outcome.AskedToLogIn, Outcome.Denied, Outcome.Denied, Outcome.Shown, Outcome.Denied);
        Add(NoordPatientPage + "/berichten", Outcome.AskedToLogIn, Outcome.Denied, Outcome.Shown, Outcome.Denied, Outcome.NotFound);
        Add(ZuidPatientPage + "/berichten", Outcome.AskedToLogIn, Outcome.Denied, Outcome.NotFound, Outcome.Denied, Outcome.Shown);
        Add("/beheer/accounts", Outcome.AskedToLogIn, Outcome.Shown, Outcome.Denied, Outcome.Denied, Outcome.Denied);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Page_access_follows_role_and_practice(string path, string user, Outcome expected)
    {
        using var client = portal.CreatePortalClient();
        if (user != Anonymous)
        {
            await client.LoginAsync(user);
        }

        var response = await client.GetAsync(path);

        var actual = response.StatusCode switch
        {
            HttpStatusCode.OK => Outcome.Shown,
            HttpStatusCode.NotFound => Outcome.NotFound,
            HttpStatusCode.Redirect when response.Headers.Location!.AbsolutePath == "/account/inloggen" => Outcome.AskedToLogIn,
            HttpStatusCode.Redirect when response.Headers.Location!.AbsolutePath == "/account/geen-toegang" => Outcome.Denied,
            _ => throw new Xunit.Sdk.XunitException($"Unexpected {(int)response.StatusCode} {response.Headers.Location}"),
        };
        Assert.Equal(expected, actual);
        if (actual != Outcome.Shown)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Proef", body);
            Assert.DoesNotContain("Zeno", body);
            Assert.DoesNotContain("Voorbeeld", body);
        }
    }

    [Fact]
    public async Task Not_found_patient_page_is_the_friendly_dutch_page()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);

        var page = await client.GetPageAsync(ZuidPatientPage);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Pagina niet gevonden", page.Document.QuerySelector("h1")?.TextContent);
    }
}
