using System.Net;
using RugcentrumPortal.Data;
using static RugcentrumPortal.Web.Tests.Balance.BalanceTestData;

namespace RugcentrumPortal.Web.Tests.Balance;

/// <summary>Both balance pages and all their posts, for every role and across the practice boundary.</summary>
public class BalanceAccessTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData(Baseline.NoordAdmin)]
    [InlineData(Baseline.NoordPatient)]
    public async Task Admins_and_patients_are_denied_both_pages(string user)
    {
        var id = await CreateNoordAssessmentAsync(portal);
        await StoreUpperCrossedAsync(portal, id);
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(user);

        foreach (var url in new[] { FormUrl(Baseline.NoordPatientId, id), ResultUrl(Baseline.NoordPatientId, id) })
        {
            var response = await client.GetAsync(url);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/geen-toegang", response.Headers.Location!.AbsolutePath);
            Assert.DoesNotContain("Piet", await response.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [InlineData(Baseline.NoordAdmin)]
    [InlineData(Baseline.NoordPatient)]
    public async Task Admins_and_patients_posting_are_denied_and_change_nothing(string user)
    {
        var id = await CreateNoordAssessmentAsync(portal);
        await StoreUpperCrossedAsync(portal, id);
        using var client = portal.CreatePortalClient();
        var home = await client.LoginAsync(user);
        var token = home.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        foreach (var (url, fields) in new[]
        {
            (FormUrl(Baseline.NoordPatientId, id), new Dictionary<string, string> { ["_handler"] = "balance", ["Input.Tone[upper-trapezius]"] = "Normal", ["Input.Action"] = "draft" }),
            (ResultUrl(Baseline.NoordPatientId, id), new Dictionary<string, string> { ["_handler"] = "pattern-review", ["Review.Decision"] = "dismiss:upper-crossed" }),
            (ResultUrl(Baseline.NoordPatientId, id), new Dictionary<string, string> { ["_handler"] = "complete", ["Complete.ReassessmentDue"] = "2030-01-01" }),
        })
        {
            fields["__RequestVerificationToken"] = token;
            var response = await client.Http.PostAsync(url, new FormUrlEncodedContent(fields));

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/geen-toegang", response.Headers.Location!.AbsolutePath);
        }
        var saved = await LoadAsync(portal, id);
        Assert.Contains(saved.Ratings, r => r is { MuscleId: "upper-trapezius", Tone: Clinical.Muscles.MuscleTone.Overactive });
        Assert.Empty(saved.PatternReviews);
        Assert.Equal(AssessmentStatus.Draft, saved.Status);
    }

    [Fact]
    public async Task Anonymous_visitors_are_asked_to_log_in()
    {
        var id = await CreateNoordAssessmentAsync(portal);
        using var client = portal.CreatePortalClient();

        var response = await client.GetAsync(FormUrl(Baseline.NoordPatientId, id));

        Assert.Equal("/account/inloggen", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_colleague_of_the_same_practice_may_open_both_pages()
    {
        var id = await CreateNoordAssessmentAsync(portal);
        await StoreUpperCrossedAsync(portal, id);
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordSecondTherapist);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(FormUrl(Baseline.NoordPatientId, id))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ResultUrl(Baseline.NoordPatientId, id))).StatusCode);
    }

    [Fact]
    public async Task Another_practices_therapist_gets_not_found_on_both_pages()
    {
        var id = await CreateNoordAssessmentAsync(portal);
        await StoreUpperCrossedAsync(portal, id);
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.ZuidTherapist);

        foreach (var url in new[] { FormUrl(Baseline.NoordPatientId, id), ResultUrl(Baseline.NoordPatientId, id) })
        {
            var response = await client.GetAsync(url);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Piet", body);
            Assert.DoesNotContain("Monnikskapspier", body);
        }
    }

    [Fact]
    public async Task An_assessment_under_the_wrong_patient_id_is_not_found()
    {
        var id = await CreateNoordAssessmentAsync(portal);
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(FormUrl(Baseline.NoordOtherPatientId, id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ResultUrl(Baseline.NoordOtherPatientId, id))).StatusCode);
    }

    /// <summary>
    /// The live pages take no form posts; what a circuit saves goes through the service, whose access rule the
    /// service tests prove for every command. A post aimed at the other practice's pages must change nothing either.
    /// </summary>
    [Fact]
    public async Task Another_practices_therapist_posting_to_both_pages_changes_nothing()
    {
        var noord = await CreateNoordAssessmentAsync(portal);
        await StoreUpperCrossedAsync(portal, noord);
        var zuid = await CreateAssessmentAsync(portal, Baseline.ZuidPatientId, Baseline.ZuidTherapist, "neck");
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.ZuidTherapist);
        var own = await client.GetPageAsync(ResultUrl(Baseline.ZuidPatientId, zuid));
        var token = own.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";

        foreach (var (url, fields) in new[]
        {
            (FormUrl(Baseline.NoordPatientId, noord), new Dictionary<string, string> { ["_handler"] = "balance", ["Input.Tone[upper-trapezius]"] = "Normal" }),
            (ResultUrl(Baseline.NoordPatientId, noord), new Dictionary<string, string> { ["_handler"] = "pattern-review", ["Review.Decision"] = "dismiss:upper-crossed" }),
            (ResultUrl(Baseline.NoordPatientId, noord), new Dictionary<string, string> { ["_handler"] = "complete", ["Complete.ReassessmentDue"] = "2030-01-01" }),
        })
        {
            fields["__RequestVerificationToken"] = token;
            var response = await client.Http.PostAsync(url, new FormUrlEncodedContent(fields));

            Assert.False(response.IsSuccessStatusCode);
            Assert.DoesNotContain("Piet", await response.Content.ReadAsStringAsync());
        }
        var saved = await LoadAsync(portal, noord);
        Assert.Contains(saved.Ratings, r => r is { MuscleId: "upper-trapezius", Tone: Clinical.Muscles.MuscleTone.Overactive });
        Assert.Empty(saved.PatternReviews);
        Assert.Equal(AssessmentStatus.Draft, saved.Status);
    }
}
