using Bunit;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Intake;
using RugcentrumPortal.Web.Infrastructure.Time;
using RugcentrumPortal.Web.Tests.Components;
using RugcentrumPortal.Web.Tests.Intake;
using static RugcentrumPortal.Web.Tests.Safety.RedFlagCases;

namespace RugcentrumPortal.Web.Tests.Plans;

/// <summary>
/// An urgent or emergency red flag, through every page and button a therapist has: a referral or a reason leaves
/// the plan held back; only a recorded medical clearance lets a plan go live.
/// </summary>
public class RedFlagActivationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    public static TheoryData<Urgency> ClearanceTiers => new(Urgency.UrgentGp, Urgency.Emergency);

    private DateOnly Today => portal.Services.GetRequiredService<PracticeClock>().Today;

    private async Task<(PortalClient Client, Guid PatientId, Guid AssessmentId)> ScreenedPatientAsync(Urgency urgency)
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var assessmentId = await portal.NewAssessmentAsync(patientId, Screened(urgency));
        var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        return (client, patientId, assessmentId);
    }

    private static string Overview(Guid patientId, Guid assessmentId) => $"/patienten/{patientId}/onderzoek/{assessmentId}";

    /// <summary>Opens the live builder, presses "Plan activeren" and gives the refusal shown, or "" when the plan went live.</summary>
    private async Task<string> ActivateAsync(Guid patientId, Guid planId)
    {
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        var editor = workspace.OpenEditor(patientId, planId);
        await editor.Press("activate");
        return workspace.Path() == $"/patienten/{patientId}/plan" ? "" : editor.Find("#activation-refused").TextContent;
    }

    [Theory]
    [MemberData(nameof(ClearanceTiers))]
    public async Task A_referral_and_then_a_reason_leave_the_plan_held_back_until_a_clearance_is_recorded(Urgency urgency)
    {
        var (client, patientId, assessmentId) = await ScreenedPatientAsync(urgency);
        using var _ = client;
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt")).Id;

        await portal.DecideAsync(Baseline.NoordTherapist, patientId, assessmentId,
            new() { Kind = DecisionInput.Referral, AdviceGiven = "Vandaag nog de huisarts bellen", GpConsent = IntakeInput.Yes });
        var referred = await client.GetPageAsync(Overview(patientId, assessmentId));
        Assert.Contains("Doorverwijzing vastgelegd", referred.Document.QuerySelector(".recorded-decision")?.TextContent);
        Assert.Contains("Medische vrijgave nodig", referred.Document.QuerySelector("#required-unlock")?.TextContent);
        Assert.Contains("bij deze urgentie is eerst een medische vrijgave nodig", referred.Document.QuerySelector(".plan-status")?.TextContent);
        Assert.Contains("leg eerst de medische vrijgave vast", await ActivateAsync(patientId, planId));

        await portal.DecideAsync(Baseline.NoordTherapist, patientId, assessmentId,
            new() { Kind = DecisionInput.Proceed, Reason = "Patiënt wil graag beginnen en voelt zich goed" });
        Assert.Contains("leg eerst de medische vrijgave vast", await ActivateAsync(patientId, planId));
        Assert.Equal(PlanStatus.Draft, (await portal.PlanAsync(planId)).Status);

        await portal.ClearAsync(Baseline.NoordTherapist, patientId, assessmentId, ClearanceFor(Today));
        var cleared = await client.GetPageAsync(Overview(patientId, assessmentId));
        Assert.Contains("Dr. M. Jansen", cleared.Document.QuerySelector(".recorded-clearance")?.TextContent);
        Assert.Contains("Een behandelplan mag starten", cleared.Document.QuerySelector(".plan-status")?.TextContent);
        Assert.Equal("", await ActivateAsync(patientId, planId));
        Assert.Equal(PlanStatus.Active, (await portal.PlanAsync(planId)).Status);
    }

    [Theory]
    [MemberData(nameof(ClearanceTiers))]
    public async Task Starting_from_the_suggestion_gives_the_reason_instead_of_a_plan_until_a_clearance_is_recorded(Urgency urgency)
    {
        var (client, patientId, assessmentId) = await ScreenedPatientAsync(urgency);
        using var _ = client;
        await portal.WithDbAsync(async db =>
        {
            Referred(await db.Assessments.FindAsync(assessmentId) ?? throw new InvalidOperationException());
            await db.SaveChangesAsync();
        });
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        var planPage = workspace.OpenPlanPage(patientId);
        Assert.Contains("leg eerst de medische vrijgave vast", planPage.Find(".red-flag").TextContent);

        await planPage.On("#plan-start-suggestion", e => e.Click());

        planPage.WaitForAssertion(() => Assert.Contains("medische vrijgave", planPage.Find("#plan-message").TextContent, StringComparison.OrdinalIgnoreCase));
        Assert.Empty(await portal.PlansOfAsync(patientId));

        await portal.ClearAsync(Baseline.NoordTherapist, patientId, assessmentId, ClearanceFor(Today));
        planPage = workspace.OpenPlanPage(patientId);
        await planPage.On("#plan-start-suggestion", e => e.Click());
        planPage.WaitForAssertion(() => Assert.StartsWith($"/patienten/{patientId}/plan/", workspace.Path()));

        var planId = Guid.Parse(workspace.Path().Split('/').Last());
        var plan = await portal.PlanAsync(planId);
        Assert.Equal(assessmentId, plan.SourceAssessmentId);
        Assert.NotEmpty(plan.Exercises);
        Assert.Empty(workspace.OpenEditor(patientId, planId).FindAll(".suggestion-blocked"));
    }

    [Fact]
    public async Task An_emergency_draft_from_a_template_or_empty_start_still_cannot_be_activated_without_a_clearance()
    {
        var (client, patientId, assessmentId) = await ScreenedPatientAsync(Urgency.Emergency);
        using var _ = client;
        await portal.WithDbAsync(async db =>
        {
            var assessment = await db.Assessments.FindAsync(assessmentId) ?? throw new InvalidOperationException();
            assessment.DecisionKind = TherapistDecisionKind.ProceedWithReason;
            assessment.DecisionReason = "Klachten al jaren hetzelfde, geen nieuwe uitval";
            assessment.DecidedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
        });

        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        var planPage = workspace.OpenPlanPage(patientId);
        await planPage.On("#plan-start-empty", e => e.Click());
        planPage.WaitForAssertion(() => Assert.StartsWith($"/patienten/{patientId}/plan/", workspace.Path()));
        var planId = Guid.Parse(workspace.Path().Split('/').Last());
        var editor = workspace.OpenEditor(patientId, planId);
        await editor.ShowAllAsync();
        await editor.Press("add-pelvic-tilt");
        await editor.Press("activate");

        Assert.Contains("leg eerst de medische vrijgave vast", editor.Find("#activation-refused").TextContent);
        Assert.NotEmpty(editor.FindAll($"a[href='patienten/{patientId}/onderzoek/{assessmentId}']"));
        Assert.Equal(PlanStatus.Draft, (await portal.PlanAsync(planId)).Status);
    }
}
