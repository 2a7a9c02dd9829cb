using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Tests.Dashboard;

public class DashboardTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>
    /// A referral used to take an emergency off the list; at the emergency tier only a medical clearance releases
    /// the plan, so the case stays listed until one is recorded.
    /// </summary>
    [Fact]
    public async Task An_emergency_screening_is_listed_first_until_a_medical_clearance_is_recorded_and_a_referral_is_not_enough()
    {
        var gp = await AddAssessmentAsync(Baseline.NoordPatientId, Baseline.NoordTherapist, a => Screened(a, Urgency.GpConsultation));
        var emergency = await AddAssessmentAsync(Baseline.NoordOtherPatientId, Baseline.NoordTherapist, a => Screened(a, Urgency.Emergency));
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        string[] both = [$"patienten/{Baseline.NoordOtherPatientId}/onderzoek/{emergency}", $"patienten/{Baseline.NoordPatientId}/onderzoek/{gp}"];

        var before = await client.GetPageAsync("/overzicht");

        Assert.Equal(both, OpenDecisionLinks(before));
        Assert.Contains("Spoed", before.Document.QuerySelector("#open-decisions-heading")!.ParentElement!.TextContent);

        await UpdateAsync(emergency, a => { a.DecisionKind = TherapistDecisionKind.ReferralRecorded; a.DecidedAt = DateTimeOffset.UtcNow; });
        Assert.Equal(both, OpenDecisionLinks(await client.GetPageAsync("/overzicht")));

        await UpdateAsync(emergency, Safety.RedFlagCases.Cleared);
        var after = await client.GetPageAsync("/overzicht");

        Assert.Equal([$"patienten/{Baseline.NoordPatientId}/onderzoek/{gp}"], OpenDecisionLinks(after));
    }

    [Fact]
    public async Task Drafts_list_only_the_therapists_own_unfinished_assessments()
    {
        var mine = await AddAssessmentAsync(Baseline.NoordPatientId, Baseline.NoordTherapist, _ => { });
        var colleagues = await AddAssessmentAsync(Baseline.NoordOtherPatientId, Baseline.NoordSecondTherapist, _ => { });
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);

        var page = await client.GetPageAsync("/overzicht");

        var drafts = page.Document.QuerySelector("#drafts-heading")!.ParentElement!.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"patienten/{Baseline.NoordPatientId}/onderzoek/{mine}", drafts);
        Assert.DoesNotContain($"patienten/{Baseline.NoordOtherPatientId}/onderzoek/{colleagues}", drafts);
    }

    [Fact]
    public async Task Overdue_reassessment_is_listed_but_not_once_a_newer_assessment_exists()
    {
        var today = portal.Services.GetRequiredService<RugcentrumPortal.Web.Infrastructure.Time.PracticeClock>().Today;
        var done = await AddAssessmentAsync(Baseline.ZuidPatientId, Baseline.ZuidTherapist, a =>
        {
            a.Status = AssessmentStatus.Completed;
            a.CompletedAt = DateTimeOffset.UtcNow.AddDays(-50);
            a.ReassessmentDue = today.AddDays(-3);
        });
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.ZuidTherapist);

        var due = await client.GetPageAsync("/overzicht");
        var section = due.Document.QuerySelector("#due-heading")!.ParentElement!;
        Assert.Contains($"patienten/{Baseline.ZuidPatientId}/onderzoek/{done}", section.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Contains("verlopen sinds", section.TextContent);

        await AddAssessmentAsync(Baseline.ZuidPatientId, Baseline.ZuidTherapist, a => a.Kind = AssessmentKind.Reassessment);
        var later = await client.GetPageAsync("/overzicht");

        Assert.Empty(later.Document.QuerySelector("#due-heading")!.ParentElement!.QuerySelectorAll("a"));
    }

    [Fact]
    public async Task Another_practices_open_decisions_never_show()
    {
        await AddAssessmentAsync(Baseline.ZuidPatientId, Baseline.ZuidTherapist, a => Screened(a, Urgency.Emergency));
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordSecondTherapist);

        var page = await client.GetPageAsync("/overzicht");

        Assert.DoesNotContain("Zeno", page.Text);
        Assert.DoesNotContain(Baseline.ZuidPatientId.ToString(), page.Document.Body!.InnerHtml);
    }

    private static void Screened(ClinicalAssessment assessment, Urgency urgency)
    {
        assessment.Conclusion = ScreeningConclusion.NietPluis;
        assessment.HighestUrgency = urgency;
        assessment.ScreenedAt = DateTimeOffset.UtcNow;
    }

    private static List<string?> OpenDecisionLinks(Page page) =>
        page.Document.QuerySelector("#open-decisions-heading")!.ParentElement!.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();

    private async Task<Guid> AddAssessmentAsync(Guid patientId, string therapistEmail, Action<ClinicalAssessment> shape)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        var therapistId = (await db.Users.SingleAsync(u => u.Email == therapistEmail)).Id;
        var assessment = new ClinicalAssessment
        {
            PatientId = patientId, TherapistId = therapistId, Kind = AssessmentKind.Intake, Status = AssessmentStatus.Draft,
            CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };
        shape(assessment);
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        return assessment.Id;
    }

    private async Task UpdateAsync(Guid id, Action<ClinicalAssessment> change)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        change(await db.Assessments.SingleAsync(a => a.Id == id));
        await db.SaveChangesAsync();
    }
}
