using Bunit;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Plans;
using RugcentrumPortal.Web.Tests.Components;
using RugcentrumPortal.Web.Tests.Intake;
using Microsoft.Extensions.DependencyInjection;

namespace RugcentrumPortal.Web.Tests.Plans;

/// <summary>The pause, resume and finish buttons on the live plan page: each asks first in a dialog, then shows the plan as stored.</summary>
public class PlanStatusButtonsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task<WorkspaceContext> TherapistAsync() => WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);

    private async Task<(Guid PatientId, Guid PlanId)> PlanAsync(PlanStatus status)
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.ActiveAsync(portal, patientId, "pelvic-tilt")).Id;
        if (status != PlanStatus.Active)
        {
            await portal.WithDbAsync(db => db.Plans.Where(p => p.Id == planId)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.Status, status)));
        }
        return (patientId, planId);
    }

    private static async Task AnswerAsync(WorkspaceContext workspace, string button)
    {
        workspace.Dialogs.WaitForElement(".mud-dialog");
        await workspace.Dialogs.InvokeAsync(() => workspace.Dialogs.Find($".mud-dialog button:contains('{button}')").Click());
        workspace.Dialogs.WaitForAssertion(() => Assert.Empty(workspace.Dialogs.FindAll(".mud-dialog")));
    }

    [Fact]
    public async Task Pausing_asks_for_an_optional_reason_and_cancelling_changes_nothing()
    {
        var (patientId, planId) = await PlanAsync(PlanStatus.Active);
        await using var workspace = await TherapistAsync();
        var page = workspace.OpenPlanPage(patientId);
        Assert.Empty(page.FindAll("#plan-resume"));
        Assert.Single(page.FindAll("#plan-finish"));

        await page.On("#plan-pause", e => e.Click());
        workspace.Dialogs.WaitForElement("#pause-reason");
        Assert.Contains("geen herinneringen", workspace.Dialogs.Find(".mud-dialog").TextContent);
        await AnswerAsync(workspace, "Annuleren");
        Assert.Equal(PlanStatus.Active, (await portal.PlanAsync(planId)).Status);

        await page.On("#plan-pause", e => e.Click());
        workspace.Dialogs.WaitForElement("#pause-reason");
        await workspace.Dialogs.InvokeAsync(() => workspace.Dialogs.Find("#pause-reason").Input("Op vakantie tot juni"));
        await AnswerAsync(workspace, "Plan pauzeren");

        page.WaitForAssertion(() => Assert.Contains("Versie 1 gepauzeerd", page.Markup));
        Assert.Contains("Op vakantie tot juni", page.Find(".pause-reason").TextContent);
        Assert.Single(page.FindAll("#plan-resume"));
        Assert.Empty(page.FindAll("#plan-pause"));
        Assert.Contains("Gepauzeerd", page.Find(".plan-history").TextContent);
        Assert.Equal((PlanStatus.Paused, "Op vakantie tot juni"), ((await portal.PlanAsync(planId)).Status, (await portal.PlanAsync(planId)).PauseReason));
    }

    [Fact]
    public async Task Resuming_after_confirming_makes_the_plan_active_again()
    {
        var (patientId, planId) = await PlanAsync(PlanStatus.Paused);
        await using var workspace = await TherapistAsync();
        var page = workspace.OpenPlanPage(patientId);

        await page.On("#plan-resume", e => e.Click());
        await AnswerAsync(workspace, "Plan hervatten");

        page.WaitForAssertion(() => Assert.Contains("Versie 1 actief", page.Markup));
        Assert.Single(page.FindAll("#plan-pause"));
        Assert.Equal(PlanStatus.Active, (await portal.PlanAsync(planId)).Status);
    }

    [Fact]
    public async Task Resuming_over_an_open_red_flag_shows_the_therapist_why_and_keeps_the_plan_paused()
    {
        var (patientId, planId) = await PlanAsync(PlanStatus.Paused);
        await portal.NewAssessmentAsync(patientId, a =>
        {
            a.RedFlagsAbsent.Remove("night-pain");
            a.RedFlagsPresent = ["night-pain"];
            a.Conclusion = ScreeningConclusion.NietPluis;
            a.HighestUrgency = Urgency.GpConsultation;
        });
        await using var workspace = await TherapistAsync();
        var page = workspace.OpenPlanPage(patientId);

        await page.On("#plan-resume", e => e.Click());
        await AnswerAsync(workspace, "Plan hervatten");

        page.WaitForAssertion(() => Assert.Contains("Het plan kan nog niet hervat worden", page.Find("#plan-message").TextContent));
        Assert.NotEmpty(page.FindAll("#plan-message .reasons li"));
        Assert.Equal(PlanStatus.Paused, (await portal.PlanAsync(planId)).Status);
    }

    [Fact]
    public async Task Finishing_after_confirming_ends_the_treatment_and_leaves_no_buttons_to_pause_or_resume()
    {
        var (patientId, planId) = await PlanAsync(PlanStatus.Active);
        await using var workspace = await TherapistAsync();
        var page = workspace.OpenPlanPage(patientId);

        await page.On("#plan-finish", e => e.Click());
        await AnswerAsync(workspace, "Behandeling afronden");

        page.WaitForAssertion(() => Assert.Contains("Versie 1 afgerond", page.Markup));
        Assert.Empty(page.FindAll("#plan-pause, #plan-resume, #plan-finish, #plan-revise"));
        Assert.Contains("Afgerond", page.Find(".plan-history").TextContent);
        Assert.Equal(PlanStatus.Finished, (await portal.PlanAsync(planId)).Status);
    }

    [Fact]
    public async Task A_colleague_who_paused_first_leaves_a_plain_message_and_the_page_shows_the_plan_paused()
    {
        var (patientId, planId) = await PlanAsync(PlanStatus.Active);
        await using var workspace = await TherapistAsync();
        var page = workspace.OpenPlanPage(patientId);
        await using (var colleague = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist))
        {
            await colleague.ServiceProvider.GetRequiredService<PlanService>().PauseAsync(patientId, planId, null, default);
        }

        await page.On("#plan-pause", e => e.Click());
        await AnswerAsync(workspace, "Plan pauzeren");

        page.WaitForAssertion(() => Assert.Equal("Een collega heeft dit plan net gewijzigd. Het plan is nu: Gepauzeerd.", page.Find("#plan-message").TextContent.Trim()));
        Assert.Single(page.FindAll("#plan-resume"));
    }
}
