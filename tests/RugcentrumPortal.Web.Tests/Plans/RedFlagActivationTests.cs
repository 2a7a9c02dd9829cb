using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Intake;
using RugcentrumPortal.Web.Infrastructure.Time;
using static RugcentrumPortal.Web.Tests.Safety.RedFlagCases;

namespace RugcentrumPortal.Web.Tests.Plans;

/// <summary>
/// An urgent or emergency red flag, through every page and form post a therapist has: a referral or a reason leaves
/// the plan held back; only a recorded medical clearance lets a plan go live.
/// </summary>
public class RedFlagActivationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string StartFromSuggestion = "form:has(input[name='_handler'][value='plan-start-suggestion'])";

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

    private async Task<Page> ActivateAsync(PortalClient client, Guid patientId, Guid planId) =>
        await client.SubmitAndFollowAsync(await client.GetPageAsync(PlanTestData.Editor(patientId, planId)), PlanTestData.EditorForm, [], "Input.Command", "activate");

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
        var afterReferral = await ActivateAsync(client, patientId, planId);
        Assert.Contains("leg eerst de medische vrijgave vast", afterReferral.Document.QuerySelector("#activation-refused")?.TextContent);

        await portal.DecideAsync(Baseline.NoordTherapist, patientId, assessmentId,
            new() { Kind = DecisionInput.Proceed, Reason = "Patiënt wil graag beginnen en voelt zich goed" });
        var afterReason = await ActivateAsync(client, patientId, planId);
        Assert.Contains("leg eerst de medische vrijgave vast", afterReason.Document.QuerySelector("#activation-refused")?.TextContent);
        Assert.Equal(PlanStatus.Draft, (await portal.PlanAsync(planId)).Status);

        await portal.ClearAsync(Baseline.NoordTherapist, patientId, assessmentId, ClearanceFor(Today));
        var cleared = await client.GetPageAsync(Overview(patientId, assessmentId));
        Assert.Contains("Dr. M. Jansen", cleared.Document.QuerySelector(".recorded-clearance")?.TextContent);
        Assert.Contains("Een behandelplan mag starten", cleared.Document.QuerySelector(".plan-status")?.TextContent);
        var accepted = await ActivateAsync(client, patientId, planId);

        Assert.Equal($"/patienten/{patientId}/plan", accepted.Url.AbsolutePath);
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
        var planPage = await client.GetPageAsync($"/patienten/{patientId}/plan");
        Assert.Contains("leg eerst de medische vrijgave vast", planPage.Document.QuerySelector(".alert-danger")?.TextContent);

        var refused = await client.SubmitAndFollowAsync(planPage, StartFromSuggestion, []);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("medische vrijgave", refused.Document.QuerySelector(".alert-warning")?.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await portal.PlansOfAsync(patientId));

        await portal.ClearAsync(Baseline.NoordTherapist, patientId, assessmentId, ClearanceFor(Today));
        var editor = await client.SubmitAndFollowAsync(await client.GetPageAsync($"/patienten/{patientId}/plan"), StartFromSuggestion, []);

        var plan = await portal.PlanAsync(PlanTestData.PlanIdFrom(editor));
        Assert.Equal(assessmentId, plan.SourceAssessmentId);
        Assert.NotEmpty(plan.Exercises);
        Assert.Null(editor.Document.QuerySelector(".suggestion-blocked"));
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

        var editor = await client.SubmitAndFollowAsync(await client.GetPageAsync($"/patienten/{patientId}/plan"), "form:has(input[name='_handler'][value='plan-start-empty'])", []);
        var planId = PlanTestData.PlanIdFrom(editor);
        var withExercise = await client.SubmitAndFollowAsync(editor, PlanTestData.EditorForm, [], "Input.Command", "add:pelvic-tilt");
        var refused = await client.SubmitAndFollowAsync(withExercise, PlanTestData.EditorForm, [], "Input.Command", "activate");

        Assert.Contains("leg eerst de medische vrijgave vast", refused.Document.QuerySelector("#activation-refused")?.TextContent);
        Assert.NotNull(refused.Document.QuerySelector($"a[href='patienten/{patientId}/onderzoek/{assessmentId}']"));
        Assert.Equal(PlanStatus.Draft, (await portal.PlanAsync(planId)).Status);
    }
}
