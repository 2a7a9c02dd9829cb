using System.Net;
using RugcentrumPortal.Web.Tests.Balance;
using static RugcentrumPortal.Web.Tests.Examination.ExaminationTestKit;

namespace RugcentrumPortal.Web.Tests.Examination;

/// <summary>The examination and comparison pages for every role and across the practice boundary.</summary>
public class ExaminationAccessTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<Guid> ArrangeAsync()
    {
        await SeedAsync(portal, Baseline.NoordPatientId, Baseline.NoordTherapist, DateTimeOffset.UtcNow.AddDays(-50), completed: true, Before, "neck");
        return await SeedAsync(portal, Baseline.NoordPatientId, Baseline.NoordTherapist, DateTimeOffset.UtcNow, completed: false, After, "neck");
    }

    private static string[] Urls(Guid patientId, Guid id) => [PageUrl(patientId, id), ComparisonUrl(patientId, id)];

    [Theory]
    [InlineData(Baseline.NoordPatient)]
    [InlineData(Baseline.NoordAdmin)]
    public async Task Patients_and_admins_are_refused_both_pages(string user)
    {
        var id = await ArrangeAsync();
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(user);

        foreach (var url in Urls(Baseline.NoordPatientId, id))
        {
            var response = await client.GetAsync(url);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/geen-toegang", response.Headers.Location!.AbsolutePath);
        }
    }

    [Fact]
    public async Task Another_practices_therapist_gets_not_found_on_both_pages()
    {
        var id = await ArrangeAsync();
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.ZuidTherapist);

        foreach (var url in Urls(Baseline.NoordPatientId, id))
        {
            var response = await client.GetAsync(url);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("Piet", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task An_assessment_under_the_wrong_patient_is_not_found_and_a_colleague_may_open_both_pages()
    {
        var id = await ArrangeAsync();
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordSecondTherapist);

        foreach (var url in Urls(Baseline.NoordOtherPatientId, id))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        }
        var page = await client.GetPageAsync(PageUrl(Baseline.NoordPatientId, id));
        var comparison = await client.GetPageAsync(ComparisonUrl(Baseline.NoordPatientId, id));
        Assert.Contains("Lichamelijk onderzoek", page.Document.QuerySelector("h1")!.TextContent);
        Assert.NotNull(comparison.Document.QuerySelector("#comparison-explanation"));
    }
}
