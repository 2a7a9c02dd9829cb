using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Web.Features.Outcomes;
using static RugcentrumPortal.Web.Tests.Outcomes.OutcomeTestData;

namespace RugcentrumPortal.Web.Tests.Outcomes;

/// <summary>The outcome pages against every role and across the practice boundary, for GET and for every POST.</summary>
public class OutcomeAccessTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    public enum Outcome { Shown, AskedToLogIn, Denied, NotFound }

    private const string Anonymous = "anonymous";

    public static TheoryData<string, string, Outcome> TherapistPages()
    {
        var data = new TheoryData<string, string, Outcome>();
        foreach (var page in new[] { ListUrl(Baseline.NoordPatientId), EntryUrl(Baseline.NoordPatientId, "nprs"), EntryUrl(Baseline.NoordPatientId, "qbpds") })
        {
            data.Add(page, Anonymous, Outcome.AskedToLogIn);
            data.Add(page, Baseline.NoordAdmin, Outcome.Denied);
            data.Add(page, Baseline.NoordTherapist, Outcome.Shown);
            data.Add(page, Baseline.NoordSecondTherapist, Outcome.Shown);
            data.Add(page, Baseline.NoordPatient, Outcome.Denied);
            data.Add(page, Baseline.ZuidTherapist, Outcome.NotFound);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(TherapistPages))]
    public async Task Therapist_pages_follow_role_and_practice(string path, string user, Outcome expected)
    {
        using var client = await ClientAsync(user);

        var response = await client.GetAsync(path);

        Assert.Equal(expected, Classify(response));
        if (expected != Outcome.Shown)
        {
            Assert.DoesNotContain("Piet", await response.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [InlineData(Anonymous, Outcome.AskedToLogIn)]
    [InlineData(Baseline.NoordAdmin, Outcome.Denied)]
    [InlineData(Baseline.NoordTherapist, Outcome.Denied)]
    [InlineData(Baseline.ZuidTherapist, Outcome.Denied)]
    [InlineData(Baseline.NoordPatient, Outcome.Shown)]
    [InlineData(Baseline.ZuidPatient, Outcome.NotFound)]
    public async Task The_questionnaire_opens_only_for_its_own_patient(string user, Outcome expected)
    {
        var id = await RequestAsync(portal, Baseline.NoordPatientId, "start-back");
        using var client = await ClientAsync(user);

        var response = await client.GetAsync($"/mijn/vragenlijst/{id}");

        Assert.Equal(expected, Classify(response));
    }

    /// <summary>
    /// The live pages take no form post, so a post forged with the therapist's own valid token is refused before it
    /// reaches a record; the service answers not found on its own (see OutcomeServiceTests).
    /// </summary>
    [Fact]
    public async Task Other_practice_therapist_posting_to_the_live_pages_changes_nothing()
    {
        var request = await RequestAsync(portal, Baseline.NoordPatientId, "ndi");
        var before = (await MeasurementsAsync(portal, Baseline.NoordPatientId)).Count;
        using var zuid = await ClientAsync(Baseline.ZuidTherapist);

        var entry = await PostWithTokenAsync(zuid, EntryUrl(Baseline.NoordPatientId, "nprs"), new() { ["Input.Value"] = "4" });
        var send = await PostWithTokenAsync(zuid, ListUrl(Baseline.NoordPatientId), new() { ["Send"] = "odi" });
        var withdraw = await PostWithTokenAsync(zuid, ListUrl(Baseline.NoordPatientId), new() { ["Withdraw"] = request.ToString() });

        Assert.All(new[] { entry, send, withdraw }, r => Assert.False(r.IsSuccessStatusCode));
        Assert.Equal(before, (await MeasurementsAsync(portal, Baseline.NoordPatientId)).Count);
        Assert.Contains(await MeasurementsAsync(portal, Baseline.NoordPatientId), m => m.Id == request);
    }

    [Fact]
    public async Task Other_practice_therapist_cannot_withdraw_a_request_through_their_own_patients_page()
    {
        var request = await RequestAsync(portal, Baseline.NoordPatientId, "qbpds");
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.ZuidTherapist);

        var result = await scope.ServiceProvider.GetRequiredService<OutcomeService>().WithdrawAsync(Baseline.ZuidPatientId, request, CancellationToken.None);

        Assert.Equal(OutcomeCommandStatus.Refused, result.Status);
        Assert.Contains("Dit verzoek staat niet meer open", result.Problem);
        Assert.Contains(await MeasurementsAsync(portal, Baseline.NoordPatientId), m => m.Id == request);
    }

    private async Task<PortalClient> ClientAsync(string user)
    {
        var client = portal.CreatePortalClient();
        if (user != Anonymous)
        {
            await client.LoginAsync(user);
        }
        return client;
    }

    private static Outcome Classify(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.OK => Outcome.Shown,
        HttpStatusCode.NotFound => Outcome.NotFound,
        HttpStatusCode.Redirect when response.Headers.Location!.AbsolutePath == "/account/inloggen" => Outcome.AskedToLogIn,
        HttpStatusCode.Redirect when response.Headers.Location!.AbsolutePath == "/account/geen-toegang" => Outcome.Denied,
        _ => throw new Xunit.Sdk.XunitException($"Unexpected {(int)response.StatusCode} {response.Headers.Location}"),
    };
}
