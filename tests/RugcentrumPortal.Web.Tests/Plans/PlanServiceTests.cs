using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Plans;

namespace RugcentrumPortal.Web.Tests.Plans;

/// <summary>The plan services on their own, as the signed-in therapist, against the real database.</summary>
public class PlanServiceTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<T> AsAsync<T>(string email, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = await portal.Services.ScopeAsAsync(email);
        return await work(scope.ServiceProvider);
    }

    private Task<T> AsTherapistAsync<T>(Func<IServiceProvider, Task<T>> work) => AsAsync(Baseline.NoordTherapist, work);

    /// <summary>The editor's form as a fresh page fills it, with the button pressed.</summary>
    private Task<PlanEditorOutcome> SubmitAsync(Guid patientId, Guid planId, string command, Action<PlanEditorInput>? type = null) =>
        AsTherapistAsync(async services =>
        {
            var editor = services.GetRequiredService<PlanEditorService>();
            var view = await editor.LoadAsync(patientId, planId, default);
            var input = new PlanEditorInput { Command = command };
            input.Fill(view!.Stored);
            type?.Invoke(input);
            return await editor.SubmitAsync(patientId, planId, input, default);
        });

    private static Action<ClinicalAssessment> OpenRedFlag => a =>
    {
        a.RedFlagsAbsent.Remove("night-pain");
        a.RedFlagsPresent = ["night-pain"];
        a.Conclusion = ScreeningConclusion.NietPluis;
        a.HighestUrgency = Urgency.GpConsultation;
    };

    [Fact]
    public async Task Starting_from_the_latest_assessment_drafts_the_suggestion_at_catalogue_dosage()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var assessmentId = await portal.NewAssessmentAsync(patientId);

        var start = await AsTherapistAsync(services => services.GetRequiredService<PlanService>().StartFromSuggestionAsync(patientId, default));

        var plan = await portal.PlanAsync(start.PlanId!.Value);
        Assert.Equal((patientId, PlanStatus.Draft, 1, (Guid?)assessmentId), (plan.PatientId!.Value, plan.Status, plan.Version, plan.SourceAssessmentId));
        Assert.Contains("chin-tuck", plan.ExerciseOrder());
        Assert.NotEmpty(plan.Phases);
        Assert.Equal(ExerciseDosage.From(ClinicalCatalog.Default.ExercisesById["chin-tuck"].DefaultDosage),
            plan.Exercises.Single(e => e.ExerciseId == "chin-tuck").Dosage);
        var editor = await AsTherapistAsync(services => services.GetRequiredService<PlanEditorService>().LoadAsync(patientId, plan.Id, default));
        Assert.Contains("chin-tuck", editor!.Reasons.Keys);
    }

    [Fact]
    public async Task A_second_start_while_a_draft_is_open_changes_nothing()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var draftId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt")).Id;

        var start = await AsTherapistAsync(services => services.GetRequiredService<PlanService>().StartEmptyAsync(patientId, default));

        Assert.Equal((true, (Guid?)null, (string?)null), (start.Found, start.PlanId, start.Message));
        Assert.Equal([draftId], (await portal.PlansOfAsync(patientId)).Select(p => p.Id));
    }

    [Fact]
    public async Task Saving_with_a_field_error_keeps_every_stored_value()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt")).Id;

        var outcome = await SubmitAsync(patientId, planId, "save", input =>
        {
            input.Title = "Nieuwe titel";
            input.Rows[0].Sets = 11;
            input.Rows[0].Instructions = "Langzaam";
            input.StartsOn = "2026-03-01";
        });

        Assert.Equal("Kies een waarde van 1 tot en met 10.", outcome.Errors!["Rows[0].Sets"]);
        Assert.Null(outcome.RedirectTo);
        var plan = await portal.PlanAsync(planId);
        Assert.Equal(("Testplan", (DateOnly?)null), (plan.Title, plan.StartsOn));
        Assert.Equal((2, 10, (string?)null), (plan.Exercises[0].Dosage.Sets, plan.Exercises[0].Dosage.Repetitions, plan.Exercises[0].Instructions));
    }

    [Fact]
    public async Task Saving_stores_the_details_phases_and_each_rows_dosage_as_one_value()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt")).Id;

        var outcome = await SubmitAsync(patientId, planId, "save", input =>
        {
            input.Title = "Rug rustig opbouwen";
            input.StartsOn = "2026-03-02";
            input.Phases.Single(p => p.Phase == Clinical.Patterns.RecoveryPhase.Activation).Include = true;
            input.Phases.Single(p => p.Phase == Clinical.Patterns.RecoveryPhase.Activation).ReviewOn = "2026-03-16";
            input.Rows[0].Sets = 3;
            input.Rows[0].HoldSeconds = 5;
            input.Rows[0].TimesPerWeek = 4;
        });

        Assert.True(outcome.Saved);
        var plan = await portal.PlanAsync(planId);
        Assert.Equal(("Rug rustig opbouwen", (DateOnly?)new DateOnly(2026, 3, 2)), (plan.Title, plan.StartsOn));
        Assert.Equal(new DateOnly(2026, 3, 16), plan.Phases.Single(p => p.Phase == Clinical.Patterns.RecoveryPhase.Activation).ReviewOn);
        Assert.Equal(new ExerciseDosage { Sets = 3, Repetitions = 10, HoldSeconds = 5, TimesPerWeek = 4 }, plan.Exercises[0].Dosage);
    }

    [Fact]
    public async Task Reordering_moves_a_row_past_its_neighbour_of_the_same_kind()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt", "sleep-routine", "cat-camel")).Id;
        var catCamel = (await portal.PlanAsync(planId)).Exercises.Single(e => e.ExerciseId == "cat-camel");

        var up = await SubmitAsync(patientId, planId, $"up:{catCamel.Id}");

        Assert.True(up.Saved);
        Assert.Equal(["cat-camel", "sleep-routine", "pelvic-tilt"], (await portal.PlanAsync(planId)).ExerciseOrder());

        var sleep = (await portal.PlanAsync(planId)).Exercises.Single(e => e.ExerciseId == "sleep-routine");
        await SubmitAsync(patientId, planId, $"up:{sleep.Id}");
        Assert.Equal(["cat-camel", "sleep-routine", "pelvic-tilt"], (await portal.PlanAsync(planId)).ExerciseOrder());

        await SubmitAsync(patientId, planId, $"remove:{catCamel.Id}");
        await SubmitAsync(patientId, planId, "add:chin-tuck");
        var plan = await portal.PlanAsync(planId);
        Assert.Equal(["sleep-routine", "pelvic-tilt", "chin-tuck"], plan.ExerciseOrder());
        Assert.Equal([0, 1, 2], plan.Exercises.OrderBy(e => e.Order).Select(e => e.Order));
    }

    [Fact]
    public async Task A_dropped_row_lands_at_its_place_among_the_rows_of_its_kind()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt", "sleep-routine", "cat-camel", "chin-tuck")).Id;
        var chinTuck = (await portal.PlanAsync(planId)).Exercises.Single(e => e.ExerciseId == "chin-tuck");

        var dropped = await SubmitAsync(patientId, planId, $"move:{chinTuck.Id}:0");

        Assert.True(dropped.Saved);
        Assert.Equal(["chin-tuck", "sleep-routine", "pelvic-tilt", "cat-camel"], (await portal.PlanAsync(planId)).ExerciseOrder());
        Assert.Equal(["chin-tuck", "pelvic-tilt", "cat-camel"], dropped.View!.Rows.Where(r => !r.IsSelfCare).Select(r => r.ExerciseId));

        var pelvicTilt = (await portal.PlanAsync(planId)).Exercises.Single(e => e.ExerciseId == "pelvic-tilt");
        await SubmitAsync(patientId, planId, $"move:{pelvicTilt.Id}:9");
        var plan = await portal.PlanAsync(planId);
        Assert.Equal(["chin-tuck", "sleep-routine", "cat-camel", "pelvic-tilt"], plan.ExerciseOrder());
        Assert.Equal([0, 1, 2, 3], plan.Exercises.OrderBy(e => e.Order).Select(e => e.Order));
    }

    [Fact]
    public async Task A_template_is_edited_with_its_name_items_and_dosage_and_keeps_its_name_unique()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt", "chin-tuck")).Id;
        var name = "Bewerkbaar " + Guid.NewGuid().ToString("N")[..4];
        var other = "Bestaand " + Guid.NewGuid().ToString("N")[..4];
        await SubmitAsync(patientId, planId, "template", input => input.TemplateName = name);
        await SubmitAsync(patientId, planId, "template", input => input.TemplateName = other);
        var templateId = await portal.WithDbAsync(db => db.Plans.Where(p => p.TemplateName == name).Select(p => p.Id).SingleAsync());

        Task<PlanEditorOutcome> EditAsync(string command, Action<PlanEditorInput> type) => AsTherapistAsync(async services =>
        {
            var editor = services.GetRequiredService<PlanEditorService>();
            var view = await editor.LoadTemplateAsync(templateId, default);
            var input = new PlanEditorInput { Command = command };
            input.Fill(view!.Stored);
            input.TemplateName = view.Stored.TemplateName;
            type(input);
            return await editor.SubmitTemplateAsync(templateId, input, default);
        });

        var renamed = await EditAsync("save", input =>
        {
            input.TemplateName = name + " nieuw";
            input.Title = "Nek en rug";
            input.Rows[1].Sets = 3;
        });
        var removed = await EditAsync($"remove:{renamed.View!.Rows[0].Id}", _ => { });
        var added = await EditAsync("add:cat-camel", _ => { });
        var taken = await EditAsync("save", input => { input.TemplateName = other.ToUpperInvariant(); input.Title = "Niet bewaard"; });
        var activated = await EditAsync("activate", _ => { });

        Assert.True(renamed.Saved && removed.Saved && added.Saved);
        Assert.Equal("De praktijk heeft al een sjabloon met deze naam. Kies een andere naam.", taken.Errors!["TemplateName"]);
        Assert.Null(activated.RedirectTo);
        var template = await portal.PlanAsync(templateId);
        Assert.Equal((name + " nieuw", "Nek en rug", PlanStatus.Draft, (Guid?)null), (template.TemplateName, template.Title, template.Status, template.PatientId));
        Assert.Equal(["chin-tuck", "cat-camel"], template.ExerciseOrder());
        Assert.Equal(3, template.Exercises.Single(e => e.ExerciseId == "chin-tuck").Dosage.Sets);
        Assert.Equal(["pelvic-tilt", "chin-tuck"], (await portal.PlanAsync(planId)).ExerciseOrder());
        await AsAsync(Baseline.ZuidTherapist, async services =>
        {
            var editor = services.GetRequiredService<PlanEditorService>();
            Assert.Null(await editor.LoadTemplateAsync(templateId, default));
            Assert.False((await editor.SubmitTemplateAsync(templateId, new PlanEditorInput { Title = "Overgenomen", TemplateName = "Overgenomen" }, default)).Found);
            return 0;
        });
        Assert.Equal("Nek en rug", (await portal.PlanAsync(templateId)).Title);
    }

    [Fact]
    public async Task A_template_is_saved_from_a_draft_used_for_another_patient_and_deleted()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt", "chin-tuck")).Id;
        var name = "Servicesjabloon " + Guid.NewGuid().ToString("N")[..4];

        var saved = await SubmitAsync(patientId, planId, "template", input => input.TemplateName = name);
        var again = await SubmitAsync(patientId, planId, "template", input => input.TemplateName = name.ToUpperInvariant());

        Assert.Equal(name, saved.TemplateSaved);
        Assert.Equal("De praktijk heeft al een sjabloon met deze naam. Kies een andere naam.", again.Errors!["TemplateName"]);
        var template = Assert.Single(await AsTherapistAsync(services => services.GetRequiredService<PlanTemplateService>().ListAsync(default)), t => t.Name == name);
        Assert.Equal(2, template.ItemCount);

        var otherPatient = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var start = await AsTherapistAsync(services => services.GetRequiredService<PlanService>().StartFromTemplateAsync(otherPatient, template.Id, default));
        var copy = await portal.PlanAsync(start.PlanId!.Value);
        Assert.Equal((otherPatient, "Testplan"), (copy.PatientId!.Value, copy.Title));
        Assert.Equal(["pelvic-tilt", "chin-tuck"], copy.ExerciseOrder());

        Assert.True(await AsTherapistAsync(services => services.GetRequiredService<PlanTemplateService>().DeleteAsync(template.Id, default)));
        Assert.Null(await AsTherapistAsync(services => services.GetRequiredService<PlanTemplateService>().GetAsync(template.Id, default)));
        var thirdPatient = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var gone = await AsTherapistAsync(services => services.GetRequiredService<PlanService>().StartFromTemplateAsync(thirdPatient, template.Id, default));
        Assert.Equal("Dat sjabloon bestaat niet meer. Kies een ander.", gone.Message);
        Assert.Equal(2, (await portal.PlanAsync(copy.Id)).Exercises.Count);
    }

    [Fact]
    public async Task Therapist_cannot_activate_a_plan_over_an_open_red_flag()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var assessmentId = await portal.NewAssessmentAsync(patientId, OpenRedFlag);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt")).Id;

        var outcome = await SubmitAsync(patientId, planId, "activate");
        var page = await AsTherapistAsync(services => services.GetRequiredService<PlanService>().GetPageAsync(patientId, default));

        Assert.True(outcome.ActivationRefused);
        var issue = Assert.Single(outcome.View!.Issues);
        Assert.Equal((SafetyRule.OpenRedFlag, (Guid?)assessmentId), (issue.Rule, issue.AssessmentId));
        Assert.Equal(assessmentId, page!.OpenRedFlagAssessmentId);
        Assert.Equal(PlanStatus.Draft, (await portal.PlanAsync(planId)).Status);
    }

    [Fact]
    public async Task Therapist_cannot_activate_a_plan_with_an_unconfirmed_precaution()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        await portal.NewAssessmentAsync(patientId, a => a.PrecautionConditions = ["osteoporosis"]);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt", "cat-camel")).Id;

        var refused = await SubmitAsync(patientId, planId, "activate");

        Assert.True(refused.ActivationRefused);
        Assert.Equal([SafetyRule.UnconfirmedPrecaution], refused.View!.Issues.Select(i => i.Rule));
        Assert.Equal(PlanStatus.Draft, (await portal.PlanAsync(planId)).Status);

        var accepted = await SubmitAsync(patientId, planId, "activate", input => input.Rows[1].PrecautionConfirmed = true);

        Assert.Equal($"patienten/{patientId}/plan", accepted.RedirectTo);
        Assert.Equal(PlanStatus.Active, (await portal.PlanAsync(planId)).Status);
    }

    [Fact]
    public async Task Therapist_cannot_activate_a_plan_without_exercises()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "walking")).Id;

        var outcome = await SubmitAsync(patientId, planId, "activate");

        Assert.True(outcome.ActivationRefused);
        Assert.Equal([SafetyRule.NoExercises], outcome.View!.Issues.Select(i => i.Rule));
        Assert.Equal(PlanStatus.Draft, (await portal.PlanAsync(planId)).Status);
    }

    [Fact]
    public async Task Activating_a_new_version_supersedes_the_active_one()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var firstId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt")).Id;
        await SubmitAsync(patientId, firstId, "activate");

        var revision = await AsTherapistAsync(services => services.GetRequiredService<PlanService>().ReviseAsync(patientId, default));
        await SubmitAsync(patientId, revision.PlanId!.Value, "activate");

        var plans = await portal.PlansOfAsync(patientId);
        Assert.Equal([(1, PlanStatus.Superseded), (2, PlanStatus.Active)], plans.Select(p => (p.Version, p.Status)));
        var card = await AsTherapistAsync(services => services.GetRequiredService<PlanService>().GetCardAsync(patientId, default));
        Assert.Equal((2, 1, (DraftView?)null), (card!.CurrentVersion, card.CurrentItemCount, card.Draft));
    }

    [Fact]
    public async Task Two_activations_at_once_never_end_in_an_error_and_leave_one_active_version()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var colleaguesId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt")).Id;
        var planId = (await TestPlans.DraftAsync(portal, patientId, "chin-tuck")).Id;

        // The colleague's activation is under way in a transaction of its own when this one reaches the database.
        await using var colleague = portal.Services.CreateAsyncScope();
        var colleagueDb = colleague.ServiceProvider.ArrangeDb();
        await colleagueDb.InTransactionAsync(async transaction =>
        {
            await colleagueDb.Plans.Where(p => p.Id == colleaguesId).ExecuteUpdateAsync(set => set.SetProperty(p => p.Status, PlanStatus.Active));
            // Another request, on another thread: SQLite's driver waits for a lock synchronously.
            var activating = Task.Run(() => SubmitAsync(patientId, planId, "activate"));
            if (TestDatabase.Provider == "Sqlite")
            {
                // SQLite admits one writer at a time: this activation waits for the colleague's and then supersedes it.
                await transaction.CommitAsync();
                var afterwards = await activating;

                Assert.NotNull(afterwards.RedirectTo);
                Assert.Equal(PlanStatus.Active, (await portal.PlanAsync(planId)).Status);
                Assert.Equal(PlanStatus.Superseded, (await portal.PlanAsync(colleaguesId)).Status);
                return;
            }
            await WaitUntilBlockedAsync();
            await transaction.CommitAsync();
            var outcome = await activating;

            Assert.Null(outcome.RedirectTo);
            Assert.Equal("Het plan is opgeslagen, maar een collega heeft intussen een andere versie van dit plan actief gemaakt. Bekijk het plan opnieuw voordat u activeert.", outcome.Conflict);
            Assert.Equal(PlanStatus.Draft, outcome.View!.Status);
            Assert.Equal(PlanStatus.Draft, (await portal.PlanAsync(planId)).Status);
            Assert.Equal(PlanStatus.Active, (await portal.PlanAsync(colleaguesId)).Status);
        });
    }

    [Fact]
    public async Task Two_activations_of_the_same_draft_let_the_first_through_and_tell_the_second_without_saving_its_edits()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt")).Id;

        // The colleague's activation of this very draft is under way in a transaction of its own.
        await using var colleague = portal.Services.CreateAsyncScope();
        var colleagueDb = colleague.ServiceProvider.ArrangeDb();
        PlanEditorOutcome? outcome = null;
        await colleagueDb.InTransactionAsync(async transaction =>
        {
            await colleagueDb.Plans.Where(p => p.Id == planId).ExecuteUpdateAsync(set => set.SetProperty(p => p.Status, PlanStatus.Active));
            var activating = Task.Run(() => SubmitAsync(patientId, planId, "activate", input => input.Title = "Laat gewijzigd"));
            if (TestDatabase.Provider != "Sqlite")
            {
                await WaitUntilBlockedAsync();
            }
            await transaction.CommitAsync();
            outcome = await activating;
        });

        Assert.Null(outcome!.RedirectTo);
        Assert.Equal("Een collega heeft dit plan intussen geactiveerd. Uw laatste wijziging is daarom niet opgeslagen; hieronder staat het plan zoals de patiënt het nu ziet.", outcome.Conflict);
        Assert.Equal(PlanStatus.Active, outcome.View!.Status);
        var plan = await portal.PlanAsync(planId);
        Assert.Equal((PlanStatus.Active, "Testplan"), (plan.Status, plan.Title));
    }

    /// <summary>PostgreSQL shows who waits for a lock; the activation must be waiting before the colleague commits.</summary>
    private async Task WaitUntilBlockedAsync()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var waiting = await portal.WithDbAsync(db => db.Database
                .SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
                .SingleAsync());
            if (waiting > 0)
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("The activation never waited for the colleague's.");
    }

    [Fact]
    public async Task Another_practices_therapist_gets_not_found_for_every_command()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        await portal.NewAssessmentAsync(patientId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt")).Id;
        var name = "Noord alleen " + Guid.NewGuid().ToString("N")[..4];
        await SubmitAsync(patientId, planId, "template", input => input.TemplateName = name);
        var templateId = await portal.WithDbAsync(db => db.Plans.Where(p => p.TemplateName == name).Select(p => p.Id).SingleAsync());
        var before = await portal.PlansOfAsync(patientId);

        await AsAsync(Baseline.ZuidTherapist, async services =>
        {
            var plans = services.GetRequiredService<PlanService>();
            var editor = services.GetRequiredService<PlanEditorService>();
            var templates = services.GetRequiredService<PlanTemplateService>();
            Assert.Null(await plans.GetPageAsync(patientId, default));
            Assert.Null(await plans.GetCardAsync(patientId, default));
            Assert.False((await plans.StartFromSuggestionAsync(patientId, default)).Found);
            Assert.False((await plans.StartFromTemplateAsync(patientId, templateId, default)).Found);
            Assert.False((await plans.StartEmptyAsync(patientId, default)).Found);
            Assert.False((await plans.ReviseAsync(patientId, default)).Found);
            Assert.Null(await editor.LoadAsync(patientId, planId, default));
            foreach (var command in new[] { "save", "activate", "discard", "template", "add:chin-tuck", $"remove:{before[0].Exercises[0].Id}" })
            {
                var outcome = await editor.SubmitAsync(patientId, planId, new PlanEditorInput { Command = command, Title = "Overgenomen", TemplateName = "Overgenomen" }, default);
                Assert.False(outcome.Found, command);
            }
            Assert.Null(await templates.GetAsync(templateId, default));
            Assert.False(await templates.DeleteAsync(templateId, default));
            Assert.DoesNotContain(await templates.ListAsync(default), t => t.Id == templateId);
            return 0;
        });

        var after = await portal.PlansOfAsync(patientId);
        Assert.Equal(before.Select(p => (p.Id, p.Title, p.Status, p.Exercises.Count)), after.Select(p => (p.Id, p.Title, p.Status, p.Exercises.Count)));
        Assert.True(await portal.WithDbAsync(db => db.Plans.AnyAsync(p => p.Id == templateId)));
    }
}
