using System.Net;
using RugcentrumPortal.Data;
using static RugcentrumPortal.Web.Tests.Intake.IntakeTestKit;

namespace RugcentrumPortal.Web.Tests.Intake;

/// <summary>Every intake page and post against every role and across the practice boundary.</summary>
public class IntakeAccessTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    public static TheoryData<string, string> PagesAndUsers()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in new[] { "start", "intake", "overview" })
        {
            foreach (var user in new[] { Baseline.NoordAdmin, Baseline.NoordPatient })
            {
                data.Add(page, user);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PagesAndUsers))]
    public async Task Administrators_and_patients_are_denied_every_intake_page(string page, string user)
    {
        var id = await SeedAsync(portal, Baseline.NoordPatientId, Baseline.NoordTherapist, NietPluis);
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(user);

        var response = await client.GetAsync(Url(page, Baseline.NoordPatientId, id));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/geen-toegang", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData("start")]
    [InlineData("intake")]
    [InlineData("overview")]
    public async Task Anonymous_visitors_are_asked_to_log_in(string page)
    {
        using var client = portal.CreatePortalClient();

        var response = await client.GetAsync(Url(page, Baseline.NoordPatientId, Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/inloggen", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData("start")]
    [InlineData("intake")]
    [InlineData("overview")]
    public async Task Another_practices_therapist_gets_not_found_and_sees_nothing(string page)
    {
        var id = await SeedAsync(portal, Baseline.NoordPatientId, Baseline.NoordTherapist, NietPluis);
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.ZuidTherapist);

        var response = await client.GetAsync(Url(page, Baseline.NoordPatientId, id));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Piet", body);
        Assert.DoesNotContain("Zaadje van de test", body);
    }

    [Fact]
    public async Task An_assessment_under_the_wrong_patient_address_is_not_found()
    {
        var id = await SeedAsync(portal, Baseline.NoordPatientId, Baseline.NoordTherapist);
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);

        var response = await client.GetAsync(Url("overview", Baseline.NoordOtherPatientId, id));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_colleague_of_the_same_practice_may_open_and_continue_the_assessment()
    {
        var id = await SeedAsync(portal, Baseline.NoordPatientId, Baseline.NoordTherapist);
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordSecondTherapist);

        var page = await client.GetPageAsync(Url("intake", Baseline.NoordPatientId, id));

        Assert.Equal(HttpStatusCode.OK, page.Status);
    }

    /// <summary>
    /// The live pages take no form post at all, so a post forged with the therapist's own valid token is refused
    /// before it reaches the record; the services answer not found on their own (see AssessmentServiceTests).
    /// </summary>
    [Fact]
    public async Task Another_practices_therapist_posting_to_the_live_pages_changes_nothing()
    {
        var target = await SeedAsync(portal, Baseline.NoordPatientId, Baseline.NoordTherapist, NietPluis);
        var before = (await ForPatientAsync(portal, Baseline.NoordPatientId)).Count;
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.ZuidTherapist);
        var ownPage = await client.GetPageAsync($"/patienten/{Baseline.ZuidPatientId}/onderzoek/nieuw");
        var token = ownPage.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var responses = new[]
        {
            await client.Http.PostAsync(Url("start", Baseline.NoordPatientId, target), Form(token, ("Input.Kind", "Intake"))),
            await client.Http.PostAsync(Url("intake", Baseline.NoordPatientId, target), Form(token, ("Input.ComplaintDescription", "Gekaapt"), ("Input.Action", "screen"))),
            await client.Http.PostAsync(Url("overview", Baseline.NoordPatientId, target), Form(token, ("Decision.Kind", "behandelen"), ("Decision.Reason", "Van buiten de praktijk besloten"))),
        };

        Assert.All(responses, r => Assert.False(r.IsSuccessStatusCode));
        Assert.Equal(before, (await ForPatientAsync(portal, Baseline.NoordPatientId)).Count);
        var saved = await LoadAsync(portal, target);
        Assert.Equal("Zaadje van de test", saved.ComplaintDescription);
        Assert.Null(saved.DecisionKind);
        Assert.Null(saved.DecisionReason);
    }

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));

    [Fact]
    public async Task The_patient_page_history_shows_only_this_practices_assessments()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        await SeedAsync(portal, patientId, Baseline.NoordTherapist, a => a.Kind = AssessmentKind.Reassessment);
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);

        var page = await client.GetPageAsync($"/patienten/{patientId}");

        var rows = page.Document.QuerySelectorAll(".assessment-history tbody tr");
        Assert.Single(rows);
        Assert.Contains("Herbeoordeling", rows[0].TextContent);
        Assert.Contains("Screening nog open", rows[0].TextContent);
        Assert.NotNull(page.Document.QuerySelector($"a[href='patienten/{patientId}/onderzoek/nieuw']"));
    }

    private static string Url(string page, Guid patientId, Guid assessmentId) => page switch
    {
        "start" => $"/patienten/{patientId}/onderzoek/nieuw",
        "intake" => $"/patienten/{patientId}/onderzoek/{assessmentId}/intake",
        _ => $"/patienten/{patientId}/onderzoek/{assessmentId}",
    };
}
