using Bunit;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Plans;
using RugcentrumPortal.Web.Tests.Components;
using RugcentrumPortal.Web.Tests.Intake;

namespace RugcentrumPortal.Web.Tests.Plans;

/// <summary>
/// Each safety rule on its own, in the live builder: activating is refused with the reason and nothing changes in the
/// database; once resolved the plan goes live.
/// </summary>
public class PlanSafetyTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<(WorkspaceContext Workspace, IRenderedComponent<PlanEditor> Editor)> OpenEditorAsync(Guid patientId, Guid planId)
    {
        var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        return (workspace, workspace.OpenEditor(patientId, planId));
    }

    private static string Refusal(IRenderedComponent<PlanEditor> editor) =>
        editor.FindAll("#activation-refused").SingleOrDefault()?.TextContent ?? "";

    /// <summary>What the database holds of a plan, to prove a refused activation changed nothing.</summary>
    private async Task<object> StoredAsync(Guid planId)
    {
        var plan = await portal.PlanAsync(planId);
        return (plan.Status, plan.Title, plan.ActivatedAt, string.Join(",", plan.ExerciseOrder()),
            string.Join(",", plan.Exercises.OrderBy(e => e.Order).Select(e => $"{e.PrecautionConfirmedAt}|{e.PrecautionNote}")));
    }

    [Fact]
    public async Task An_open_niet_pluis_screening_blocks_activation_until_a_decision_is_recorded()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var assessmentId = await portal.NewAssessmentAsync(patientId, a =>
        {
            a.RedFlagsAbsent.Remove("night-pain");
            a.RedFlagsPresent = ["night-pain"];
            a.Conclusion = ScreeningConclusion.NietPluis;
            a.HighestUrgency = Urgency.GpConsultation;
        });
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt")).Id;
        var before = await StoredAsync(planId);
        var (workspace, editor) = await OpenEditorAsync(patientId, planId);
        await using var _ = workspace;

        await editor.Press("activate");

        Assert.Contains("Open rode vlag: leg eerst de verwijzing of een beargumenteerd besluit vast", Refusal(editor));
        Assert.NotEmpty(editor.FindAll($"a[href='patienten/{patientId}/onderzoek/{assessmentId}']"));
        Assert.Equal($"/patienten/{patientId}/plan/{planId}", workspace.Path());
        Assert.Equal(before, await StoredAsync(planId));

        await portal.WithDbAsync(async db =>
        {
            var assessment = await db.Assessments.SingleAsync(a => a.Id == assessmentId);
            assessment.DecisionKind = TherapistDecisionKind.ReferralRecorded;
            assessment.DecidedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
        });
        await editor.Press("activate");

        Assert.Equal($"/patienten/{patientId}/plan", workspace.Path());
        Assert.Equal(PlanStatus.Active, (await portal.PlanAsync(planId)).Status);
    }

    [Fact]
    public async Task An_exercise_with_a_precaution_for_this_patient_shows_why_and_needs_an_explicit_confirmation()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        await portal.NewAssessmentAsync(patientId, a => a.PrecautionConditions = ["osteoporosis"]);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt", "cat-camel")).Id;
        var before = await StoredAsync(planId);
        var (workspace, editor) = await OpenEditorAsync(patientId, planId);
        await using var _ = workspace;

        var block = Assert.Single(editor.FindAll(".precaution-block")).TextContent;
        Assert.Contains("Vastgelegd bij deze patiënt: Botontkalking", block);
        Assert.Contains("Aanpassen", block);

        await editor.Press("activate");

        Assert.Contains("Bolle-holle rug", Refusal(editor));
        Assert.Contains("heeft een voorzorg voor deze patiënt", Refusal(editor));
        Assert.Equal(before, await StoredAsync(planId));

        await editor.Command("#row-1-confirm", e => e.Change(true));
        await editor.Type("row-1-note", "Kleine uitslag besproken");
        await editor.Press("activate");

        Assert.Equal($"/patienten/{patientId}/plan", workspace.Path());
        var plan = await portal.PlanAsync(planId);
        Assert.Equal(PlanStatus.Active, plan.Status);
        var catCamel = plan.Exercises.Single(e => e.ExerciseId == "cat-camel");
        Assert.NotNull(catCamel.PrecautionConfirmedAt);
        Assert.Equal("Kleine uitslag besproken", catCamel.PrecautionNote);
        Assert.Null(plan.Exercises.Single(e => e.ExerciseId == "pelvic-tilt").PrecautionConfirmedAt);
    }

    [Fact]
    public async Task A_precaution_implied_by_a_yellow_flag_counts_too()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        await portal.NewAssessmentAsync(patientId, a => a.YellowFlags = ["trauma-history"]);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt", "progressive-muscle-relaxation")).Id;
        var before = await StoredAsync(planId);
        var (workspace, editor) = await OpenEditorAsync(patientId, planId);
        await using var _ = workspace;

        await editor.Press("activate");

        Assert.Contains("Progressieve spierontspanning", Refusal(editor));
        Assert.Equal(before, await StoredAsync(planId));
    }

    [Fact]
    public async Task An_exercise_to_avoid_can_stay_only_with_a_confirmation_and_a_reason()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        await portal.NewAssessmentAsync(patientId, a => a.PrecautionConditions = ["osteoporosis"]);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt")).Id;
        var (workspace, editor) = await OpenEditorAsync(patientId, planId);
        await using var _ = workspace;
        await editor.SearchAsync("knie");
        Assert.Contains("Afgeraden voor deze patiënt", editor.Find("#add-knee-to-chest").Closest(".library-item")!.TextContent);
        await editor.Press("add-knee-to-chest");
        var before = await StoredAsync(planId);

        await editor.Command("#row-1-confirm", e => e.Change(true));
        await editor.Press("activate");

        Assert.Contains("Licht toe waarom u deze oefening toch geeft", editor.FieldMessage("row-1-note"));
        Assert.NotNull(editor.Find("#row-1-confirm").GetAttribute("checked"));
        Assert.Equal(before, await StoredAsync(planId));

        await editor.Type("row-1-note", "Met huisarts afgestemd, botdichtheid recent goed");
        await editor.Press("activate");

        Assert.Equal($"/patienten/{patientId}/plan", workspace.Path());
        Assert.Equal(PlanStatus.Active, (await portal.PlanAsync(planId)).Status);
    }

    [Fact]
    public async Task A_plan_without_exercises_cannot_be_activated_and_self_care_alone_is_not_enough()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "walking")).Id;
        var before = await StoredAsync(planId);
        var (workspace, editor) = await OpenEditorAsync(patientId, planId);
        await using var _ = workspace;

        await editor.Press("activate");

        Assert.Contains("Het plan heeft nog geen oefeningen", Refusal(editor));
        Assert.Equal(before, await StoredAsync(planId));

        await editor.ShowAllAsync();

        await editor.Press("add-pelvic-tilt");
        await editor.Press("activate");

        Assert.Equal($"/patienten/{patientId}/plan", workspace.Path());
        Assert.Equal(PlanStatus.Active, (await portal.PlanAsync(planId)).Status);
    }

    [Fact]
    public async Task A_colleague_activating_the_same_draft_first_gets_the_second_therapist_a_message_not_an_error()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt")).Id;
        var (workspace, editor) = await OpenEditorAsync(patientId, planId);
        await using var _ = workspace;
        await using var colleague = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordSecondTherapist);
        var colleaguesEditor = colleague.OpenEditor(patientId, planId);

        await colleaguesEditor.Press("activate");
        await editor.Press("activate");

        Assert.Equal($"/patienten/{patientId}/plan", colleague.Path());
        Assert.Equal($"/patienten/{patientId}/plan/{planId}", workspace.Path());
        Assert.Contains("Een collega heeft dit plan intussen geactiveerd", editor.Find("#activation-conflict").TextContent);
        Assert.Empty(editor.FindAll("#activate"));
        Assert.Contains("Actief", editor.Markup);
        var secondId = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == Baseline.NoordSecondTherapist).Select(u => u.Id).SingleAsync());
        var plan = await portal.PlanAsync(planId);
        Assert.Equal((PlanStatus.Active, secondId), (plan.Status, plan.ActivatedById));
    }
}
