using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Plans;

namespace RugcentrumPortal.Web.Tests.Plans;

/// <summary>Pausing, resuming and finishing a plan through the plan service, as the signed-in therapist, on the real database.</summary>
public class PlanPauseTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<T> AsTherapistAsync<T>(Func<PlanService, Task<T>> work)
    {
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);
        return await work(scope.ServiceProvider.GetRequiredService<PlanService>());
    }

    private async Task<(Guid PatientId, Guid PlanId)> ActivePlanAsync()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var plan = await TestPlans.ActiveAsync(portal, patientId, "pelvic-tilt");
        return (patientId, plan.Id);
    }

    private Task<PlanStatusChange> PauseAsync(Guid patientId, Guid planId, string? reason = null) =>
        AsTherapistAsync(plans => plans.PauseAsync(patientId, planId, reason, default));

    private Task<PlanStatusChange> ResumeAsync(Guid patientId, Guid planId) =>
        AsTherapistAsync(plans => plans.ResumeAsync(patientId, planId, default));

    private Task<PlanStatusChange> FinishAsync(Guid patientId, Guid planId) =>
        AsTherapistAsync(plans => plans.FinishAsync(patientId, planId, default));

    [Fact]
    public async Task Pausing_holds_the_plan_with_its_reason_and_the_plan_page_shows_it_paused()
    {
        var (patientId, planId) = await ActivePlanAsync();

        var change = await PauseAsync(patientId, planId, "  Op vakantie tot half juni  ");

        Assert.True(change.Changed);
        var plan = await portal.PlanAsync(planId);
        Assert.Equal((PlanStatus.Paused, "Op vakantie tot half juni"), (plan.Status, plan.PauseReason));
        Assert.NotNull(plan.StatusChangedAt);
        var page = await AsTherapistAsync(plans => plans.GetPageAsync(patientId, default));
        Assert.Equal((PlanStatus.Paused, "Op vakantie tot half juni"), (page!.Current!.Status, page.Current.PauseReason));
        Assert.Equal(PlanStatus.Paused, page.History.Single().Status);
        var card = await AsTherapistAsync(plans => plans.GetCardAsync(patientId, default));
        Assert.Equal(PlanStatus.Paused, card!.CurrentStatus);
    }

    [Fact]
    public async Task A_pause_reason_longer_than_allowed_is_refused_and_nothing_changes()
    {
        var (patientId, planId) = await ActivePlanAsync();

        var change = await PauseAsync(patientId, planId, new string('x', RecoveryPlan.PauseReasonMaxLength + 1));

        Assert.False(change.Changed);
        Assert.Contains("200", change.Message);
        Assert.Equal(PlanStatus.Active, (await portal.PlanAsync(planId)).Status);
    }

    [Fact]
    public async Task Resuming_makes_a_paused_plan_active_again_and_clears_the_reason()
    {
        var (patientId, planId) = await ActivePlanAsync();
        await PauseAsync(patientId, planId, "Griep");

        var change = await ResumeAsync(patientId, planId);

        Assert.True(change.Changed);
        var plan = await portal.PlanAsync(planId);
        Assert.Equal((PlanStatus.Active, (string?)null), (plan.Status, plan.PauseReason));
    }

    [Theory]
    [InlineData(PlanStatus.Active)]
    [InlineData(PlanStatus.Paused)]
    public async Task Finishing_ends_an_active_or_paused_plan(PlanStatus from)
    {
        var (patientId, planId) = await ActivePlanAsync();
        if (from == PlanStatus.Paused)
        {
            await PauseAsync(patientId, planId);
        }

        var change = await FinishAsync(patientId, planId);

        Assert.True(change.Changed);
        Assert.Equal(PlanStatus.Finished, (await portal.PlanAsync(planId)).Status);
        var page = await AsTherapistAsync(plans => plans.GetPageAsync(patientId, default));
        Assert.Equal((PlanStatus.Finished, false), (page!.Current!.Status, page.Current.IsLive));
    }

    [Fact]
    public async Task Of_two_therapists_pausing_at_once_one_pauses_and_the_other_is_told_it_is_paused_already()
    {
        var (patientId, planId) = await ActivePlanAsync();

        var changes = await Task.WhenAll(PauseAsync(patientId, planId, "eerste"), PauseAsync(patientId, planId, "tweede"));

        Assert.Single(changes, c => c.Changed);
        var refused = Assert.Single(changes, c => !c.Changed);
        Assert.Equal("Een collega heeft dit plan net gewijzigd. Het plan is nu: Gepauzeerd.", refused.Message);
        Assert.Equal(PlanStatus.Paused, (await portal.PlanAsync(planId)).Status);
    }

    [Fact]
    public async Task Resuming_after_a_colleague_finished_the_plan_is_refused_with_a_message()
    {
        var (patientId, planId) = await ActivePlanAsync();
        await PauseAsync(patientId, planId);
        await FinishAsync(patientId, planId);

        var change = await ResumeAsync(patientId, planId);

        Assert.False(change.Changed);
        Assert.Contains("al afgerond", change.Message);
        Assert.Equal(PlanStatus.Finished, (await portal.PlanAsync(planId)).Status);
    }

    [Fact]
    public async Task A_finished_plan_cannot_be_paused_or_finished_again()
    {
        var (patientId, planId) = await ActivePlanAsync();
        await FinishAsync(patientId, planId);

        Assert.False((await PauseAsync(patientId, planId)).Changed);
        Assert.False((await FinishAsync(patientId, planId)).Changed);
        Assert.Equal(PlanStatus.Finished, (await portal.PlanAsync(planId)).Status);
    }

    [Fact]
    public async Task Resuming_is_blocked_by_a_red_flag_recorded_while_the_plan_was_paused()
    {
        var (patientId, planId) = await ActivePlanAsync();
        await PauseAsync(patientId, planId);
        await portal.NewAssessmentAsync(patientId, a =>
        {
            a.RedFlagsAbsent.Remove("night-pain");
            a.RedFlagsPresent = ["night-pain"];
            a.Conclusion = ScreeningConclusion.NietPluis;
            a.HighestUrgency = Urgency.GpConsultation;
        });

        var change = await ResumeAsync(patientId, planId);

        Assert.False(change.Changed);
        Assert.Equal("Het plan kan nog niet hervat worden:", change.Message);
        Assert.NotEmpty(change.Reasons);
        Assert.Equal(PlanStatus.Paused, (await portal.PlanAsync(planId)).Status);
    }

    [Fact]
    public async Task A_draft_from_a_paused_plan_continues_it_and_activating_it_supersedes_the_paused_version()
    {
        var (patientId, planId) = await ActivePlanAsync();
        await PauseAsync(patientId, planId);

        var revision = await AsTherapistAsync(plans => plans.ReviseAsync(patientId, default));
        Assert.NotNull(revision.PlanId);
        Assert.Equal(["pelvic-tilt"], (await portal.PlanAsync(revision.PlanId!.Value)).ExerciseOrder());

        await using (var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist))
        {
            var editor = scope.ServiceProvider.GetRequiredService<PlanEditorService>();
            var view = await editor.LoadAsync(patientId, revision.PlanId.Value, default);
            var input = new PlanEditorInput { Command = "activate" };
            input.Fill(view!.Stored);
            await editor.SubmitAsync(patientId, revision.PlanId.Value, input, default);
        }

        var statuses = (await portal.PlansOfAsync(patientId)).Select(p => (p.Id, p.Status)).ToList();
        Assert.Equal([(planId, PlanStatus.Superseded), (revision.PlanId.Value, PlanStatus.Active)], statuses);
    }

    [Fact]
    public async Task Another_practice_cannot_pause_resume_or_finish_a_plan()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.ZuidId);
        var planId = (await TestPlans.ActiveAsync(portal, patientId, "pelvic-tilt")).Id;

        Assert.False((await PauseAsync(patientId, planId)).Found);
        Assert.False((await FinishAsync(patientId, planId)).Found);
        Assert.False((await ResumeAsync(patientId, planId)).Found);
        Assert.Equal(PlanStatus.Active, (await portal.PlanAsync(planId)).Status);
    }
}
