using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.AccessLog;
using static RugcentrumPortal.Web.Tests.AccessLog.AccessLogTestKit;

namespace RugcentrumPortal.Web.Tests.AccessLog;

/// <summary>The portal from Monday 2 March 2026, 10:00 in Amsterdam; the tests move the clock on.</summary>
public sealed class PortalInMarch : PortalFactory
{
    public PortalInMarch() => WithClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
}

/// <summary>Who reads the log: the practice's administrator all of the own practice's, a patient who looked at their own record.</summary>
public class AccessLogReadingTests(PortalInMarch portal) : IClassFixture<PortalInMarch>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        if ((await LinesAsync(portal, Baseline.NoordId)).Count > 0)
        {
            return;
        }
        await RecordAsync(portal, Baseline.NoordTherapist, Baseline.NoordPatientId, "PlanPage");
        portal.Clock!.Advance(TimeSpan.FromDays(1));
        await RecordAsync(portal, Baseline.NoordSecondTherapist, Baseline.NoordOtherPatientId, "PatientDetail");
        await RecordAsync(portal, Baseline.NoordPatient, Baseline.NoordPatientId, "MyHome");
        portal.Clock.Advance(TimeSpan.FromDays(1));
        await RecordAsync(portal, Baseline.NoordTherapist, Baseline.NoordPatientId, "AssessmentOverview", AccessEvent.Change);
        await RecordAsync(portal, Baseline.ZuidTherapist, Baseline.ZuidPatientId, "PlanPage");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_administrator_sees_the_own_practice_newest_first_and_not_the_other_practice()
    {
        var results = await SearchAsync(Baseline.NoordAdmin, new AccessLogQuery());

        Assert.Equal(["Piet Proef", "Piet Proef", "Els Voorbeeld", "Piet Proef"], results.Rows.Select(r => r.PatientName));
        Assert.Equal(AccessEvent.Change, results.Rows[0].Event);
        Assert.DoesNotContain(results.Rows, r => r.PatientName == "Zeno Zuid" || r.UserName == "Zara Zuid");
    }

    [Fact]
    public async Task The_administrator_narrows_by_patient_user_and_period()
    {
        var byPatient = await SearchAsync(Baseline.NoordAdmin, new AccessLogQuery(Patient: "voorBEELD"));
        var byUser = await SearchAsync(Baseline.NoordAdmin, new AccessLogQuery(User: "tom"));
        var byDay = await SearchAsync(Baseline.NoordAdmin, new AccessLogQuery(From: new DateOnly(2026, 3, 3), To: new DateOnly(2026, 3, 3)));
        var otherPractice = await SearchAsync(Baseline.NoordAdmin, new AccessLogQuery(Patient: "Zeno"));

        Assert.Equal(["PatientDetail"], byPatient.Rows.Select(r => r.Subject));
        Assert.Equal(["AssessmentOverview", "PlanPage"], byUser.Rows.Select(r => r.Subject));
        Assert.Equal(["MyHome", "PatientDetail"], byDay.Rows.Select(r => r.Subject));
        Assert.Equal(0, otherPractice.Total);
    }

    [Fact]
    public async Task The_search_comes_a_page_at_a_time()
    {
        for (var i = 0; i < AccessLogSearch.PageSize; i++)
        {
            await RecordAsync(portal, Baseline.NoordSecondTherapist, Baseline.NoordOtherPatientId, "Paged");
        }

        var first = await SearchAsync(Baseline.NoordAdmin, new AccessLogQuery(Patient: "Els"));
        var second = await SearchAsync(Baseline.NoordAdmin, new AccessLogQuery(Patient: "Els", Page: 2));

        Assert.Equal((AccessLogSearch.PageSize + 1, 2, AccessLogSearch.PageSize), (first.Total, first.PageCount, first.Rows.Count));
        Assert.Equal(["PatientDetail"], second.Rows.Select(r => r.Subject));
    }

    [Theory]
    [InlineData(Baseline.NoordTherapist)]
    [InlineData(Baseline.NoordPatient)]
    public async Task Only_an_administrator_searches_the_log(string user)
    {
        var results = await SearchAsync(user, new AccessLogQuery());

        Assert.Empty(results.Rows);
    }

    [Fact]
    public async Task A_patient_sees_who_of_the_practice_looked_at_their_own_record_oldest_first()
    {
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordPatient);

        var lines = await scope.ServiceProvider.GetRequiredService<OwnAccessHistory>().ListAsync(default);

        Assert.Equal([("Tom Therapeut", AccessEvent.View, "PlanPage"), ("Tom Therapeut", AccessEvent.Change, "AssessmentOverview")],
            lines.Select(l => (l.StaffName, l.Event, l.Subject)));
    }

    [Fact]
    public async Task The_patients_own_list_page_reads_in_plain_dutch()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);

        var page = await client.GetPageAsync("/mijn/inzage");

        var items = page.Document.QuerySelectorAll(".access-history li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(2, items.Count);
        Assert.Contains("Tom Therapeut (therapeut) bekeek uw oefenplan.", items[0]);
        Assert.Contains("maandag 2 maart 2026, 10:00", items[0]);
        Assert.Contains("Tom Therapeut (therapeut) veranderde uw onderzoek.", items[1]);
        Assert.DoesNotContain("Els", page.Text);
    }

    private async Task<AccessLogResults> SearchAsync(string user, AccessLogQuery query)
    {
        await using var scope = await portal.Services.ScopeAsAsync(user);
        return await scope.ServiceProvider.GetRequiredService<AccessLogSearch>().SearchAsync(query, default);
    }
}
