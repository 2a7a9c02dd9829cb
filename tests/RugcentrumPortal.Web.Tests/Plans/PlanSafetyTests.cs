using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Tests.Plans;

/// <summary>Each safety rule on its own: it blocks activation with its reason, and lets the plan through once resolved.</summary>
public class PlanSafetyTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<(PortalClient Client, Page Editor)> OpenEditorAsync(Guid patientId, Guid planId)
    {
        var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        return (client, await client.GetPageAsync(PlanTestData.Editor(patientId, planId)));
    }

    private static Task<Page> ActivateAsync(PortalClient client, Page editor, Dictionary<string, string?>? values = null) =>
        client.SubmitAndFollowAsync(editor, PlanTestData.EditorForm, values ?? [], "Input.Command", "activate");

    private static string Refusal(Page page) => page.Document.QuerySelector("#activation-refused")?.TextContent ?? "";

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
        var (client, editor) = await OpenEditorAsync(patientId, planId);
        using var _ = client;

        var refused = await ActivateAsync(client, editor);

        Assert.Contains("Open rode vlag: leg eerst de verwijzing of een beargumenteerd besluit vast", Refusal(refused));
        Assert.NotNull(refused.Document.QuerySelector($"a[href='patienten/{patientId}/onderzoek/{assessmentId}']"));
        Assert.Equal(PlanStatus.Draft, (await portal.PlanAsync(planId)).Status);

        await portal.WithDbAsync(async db =>
        {
            var assessment = await db.Assessments.SingleAsync(a => a.Id == assessmentId);
            assessment.DecisionKind = TherapistDecisionKind.ReferralRecorded;
            assessment.DecidedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
        });
        var accepted = await ActivateAsync(client, await client.GetPageAsync(PlanTestData.Editor(patientId, planId)));

        Assert.Equal($"/patienten/{patientId}/plan", accepted.Url.AbsolutePath);
        Assert.Equal(PlanStatus.Active, (await portal.PlanAsync(planId)).Status);
    }

    [Fact]
    public async Task An_exercise_with_a_precaution_for_this_patient_shows_why_and_needs_an_explicit_confirmation()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        await portal.NewAssessmentAsync(patientId, a => a.PrecautionConditions = ["osteoporosis"]);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt", "cat-camel")).Id;
        var (client, editor) = await OpenEditorAsync(patientId, planId);
        using var _ = client;

        var block = editor.Document.QuerySelector(".precaution-block")?.TextContent ?? "";
        Assert.Contains("Vastgelegd bij deze patiënt: Botontkalking", block);
        Assert.Contains("Aanpassen", block);
        Assert.Single(editor.Document.QuerySelectorAll(".precaution-block"));

        var refused = await ActivateAsync(client, editor);

        Assert.Contains("Bolle-holle rug", Refusal(refused));
        Assert.Contains("heeft een voorzorg voor deze patiënt", Refusal(refused));
        Assert.Equal(PlanStatus.Draft, (await portal.PlanAsync(planId)).Status);

        var accepted = await ActivateAsync(client, refused, new()
        {
            ["Input.Rows[1].PrecautionConfirmed"] = "True",
            ["Input.Rows[1].PrecautionNote"] = "Kleine uitslag besproken",
        });

        Assert.Equal($"/patienten/{patientId}/plan", accepted.Url.AbsolutePath);
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
        var (client, editor) = await OpenEditorAsync(patientId, planId);
        using var _ = client;

        var refused = await ActivateAsync(client, editor);

        Assert.Contains("Progressieve spierontspanning", Refusal(refused));
    }

    [Fact]
    public async Task An_exercise_to_avoid_can_stay_only_with_a_confirmation_and_a_reason()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        await portal.NewAssessmentAsync(patientId, a => a.PrecautionConditions = ["osteoporosis"]);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt")).Id;
        var (client, editor) = await OpenEditorAsync(patientId, planId);
        using var _ = client;
        var search = await client.GetPageAsync(PlanTestData.Editor(patientId, planId) + "?zoek=knie");
        Assert.Contains("Afgeraden voor deze patiënt", search.Document.QuerySelector("button[value='add:knee-to-chest']")?.ParentElement?.TextContent);
        var added = await client.SubmitAndFollowAsync(search, PlanTestData.EditorForm, [], "Input.Command", "add:knee-to-chest");

        var withoutNote = await ActivateAsync(client, added, new() { ["Input.Rows[1].PrecautionConfirmed"] = "True" });

        Assert.Contains("Licht toe waarom u deze oefening toch geeft", PlanBuilderTests.FieldMessage(withoutNote, "row-1-note"));
        Assert.Equal("True", withoutNote.Document.QuerySelector("#row-1-confirm")?.HasAttribute("checked") == true ? "True" : "False");
        Assert.Equal(PlanStatus.Draft, (await portal.PlanAsync(planId)).Status);

        var accepted = await ActivateAsync(client, withoutNote, new()
        {
            ["Input.Rows[1].PrecautionConfirmed"] = "True",
            ["Input.Rows[1].PrecautionNote"] = "Met huisarts afgestemd, botdichtheid recent goed",
        });

        Assert.Equal($"/patienten/{patientId}/plan", accepted.Url.AbsolutePath);
        Assert.Equal(PlanStatus.Active, (await portal.PlanAsync(planId)).Status);
    }

    [Fact]
    public async Task A_plan_without_exercises_cannot_be_activated_and_self_care_alone_is_not_enough()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "walking")).Id;
        var (client, editor) = await OpenEditorAsync(patientId, planId);
        using var _ = client;

        var refused = await ActivateAsync(client, editor);

        Assert.Contains("Het plan heeft nog geen oefeningen", Refusal(refused));
        Assert.Equal(PlanStatus.Draft, (await portal.PlanAsync(planId)).Status);

        var withExercise = await client.SubmitAndFollowAsync(refused, PlanTestData.EditorForm, [], "Input.Command", "add:pelvic-tilt");
        var accepted = await ActivateAsync(client, withExercise);

        Assert.Equal($"/patienten/{patientId}/plan", accepted.Url.AbsolutePath);
        Assert.Equal(PlanStatus.Active, (await portal.PlanAsync(planId)).Status);
    }
}
