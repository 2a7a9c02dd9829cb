using System.Net;
using Bunit;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Clinical.Analysis;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Plans;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Infrastructure;
using RugcentrumPortal.Web.Tests.Components;
using RugcentrumPortal.Web.Tests.Intake;

namespace RugcentrumPortal.Web.Tests.Plans;

/// <summary>The live plan page and builder, used as a therapist uses them, against the real database.</summary>
public class PlanBuilderTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task<WorkspaceContext> TherapistAsync() => WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);

    private static Guid PlanIdFrom(WorkspaceContext workspace) => Guid.Parse(workspace.Path().Split('/').Last());

    [Fact]
    public async Task Starting_from_the_latest_assessment_drafts_what_the_clinical_core_suggests_with_its_reasons()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var assessmentId = await portal.NewAssessmentAsync(patientId);
        await using var workspace = await TherapistAsync();
        var page = workspace.OpenPlanPage(patientId);

        await page.On("#plan-start-suggestion", e => e.Click());

        page.WaitForAssertion(() => Assert.StartsWith($"/patienten/{patientId}/plan/", workspace.Path()));
        var plan = await portal.PlanAsync(PlanIdFrom(workspace));
        var analysis = new BalanceAnalyzer().Analyze(new Assessment(PlanTestData.UpperCrossed.Select(r => new MuscleRating(r.Muscle, r.Tone, 2)).ToList())
        {
            ObservationIds = ["chest-breathing"],
            Complaints = [new ComplaintRegion("neck"), new ComplaintRegion("shoulder", Side.Left)],
        });
        var screening = new RedFlagScreener().Screen(new ScreeningInput(Web.Infrastructure.Time.PracticeClock.AgeOn(new DateOnly(1970, 5, 1), DateOnly.FromDateTime(DateTime.Today)),
            ClinicalCatalog.Default.RedFlags.Where(f => f.IsAsked).ToDictionary(f => f.Id, _ => false)));
        var expected = new PlanSuggester().Suggest(analysis, screening);
        var expectedIds = expected.Exercises.Concat(expected.SelfCareModules).Select(i => i.Exercise.Id).ToList();

        Assert.Equal(PlanStatus.Draft, plan.Status);
        Assert.Equal(1, plan.Version);
        Assert.Equal(assessmentId, plan.SourceAssessmentId);
        Assert.InRange(expected.Exercises.Length, 6, 10);
        Assert.Equal(expectedIds, plan.ExerciseOrder());
        Assert.NotEmpty(plan.Phases);
        var chinTuck = plan.Exercises.Single(e => e.ExerciseId == "chin-tuck");
        Assert.Equal(ClinicalCatalog.Default.ExercisesById["chin-tuck"].DefaultDosage.Repetitions, chinTuck.Dosage.Repetitions);
        var editor = workspace.OpenEditor(patientId, plan.Id);
        Assert.Contains("Zet onderactieve spieren aan", editor.Markup);
        Assert.Contains("Diepe nekbuigers", editor.Markup);
    }

    [Fact]
    public async Task Without_an_assessment_with_ratings_the_suggestion_is_not_offered_but_empty_start_is()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        await using var workspace = await TherapistAsync();
        var page = workspace.OpenPlanPage(patientId);

        Assert.Empty(page.FindAll("#plan-start-suggestion"));
        Assert.Contains("nog geen onderzoek met een spierbeoordeling", page.Markup);

        await page.On("#plan-start-empty", e => e.Click());

        page.WaitForAssertion(() => Assert.StartsWith($"/patienten/{patientId}/plan/", workspace.Path()));
        var plan = await portal.PlanAsync(PlanIdFrom(workspace));
        Assert.Empty(plan.Exercises);
        Assert.Equal("Herstelplan", plan.Title);
        Assert.Equal(patientId, plan.PatientId);
    }

    [Fact]
    public async Task An_incomplete_screening_still_gives_a_suggestion_and_the_draft_says_so()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        await portal.NewAssessmentAsync(patientId, a => a.RedFlagsAbsent = a.RedFlagsAbsent.Take(3).ToList());
        await using var workspace = await TherapistAsync();
        var page = workspace.OpenPlanPage(patientId);

        await page.On("#plan-start-suggestion", e => e.Click());

        page.WaitForAssertion(() => Assert.StartsWith($"/patienten/{patientId}/plan/", workspace.Path()));
        var editor = workspace.OpenEditor(patientId, PlanIdFrom(workspace));
        Assert.Contains("screening van dit onderzoek is niet volledig", editor.Markup);
        Assert.NotEmpty((await portal.PlanAsync(PlanIdFrom(workspace))).Exercises);
    }

    [Fact]
    public async Task Therapist_adds_reorders_and_removes_exercises_without_leaving_the_page()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt", "cat-camel")).Id;
        await using var workspace = await TherapistAsync();
        var editor = workspace.OpenEditor(patientId, planId);

        await editor.SearchAsync("kin");
        Assert.NotEmpty(editor.FindAll("#add-chin-tuck"));
        Assert.Empty(editor.FindAll("#add-bridge"));
        await editor.Press("add-chin-tuck");
        Assert.Equal(["pelvic-tilt", "cat-camel", "chin-tuck"], (await portal.PlanAsync(planId)).ExerciseOrder());
        Assert.Contains("In het plan", editor.Find("#library-heading").ParentElement!.TextContent);

        await editor.PressNamed("Kin intrekken omhoog");
        Assert.Equal(["pelvic-tilt", "chin-tuck", "cat-camel"], (await portal.PlanAsync(planId)).ExerciseOrder());
        Assert.Equal(["1. Bekken kantelen", "2. Kin intrekken", "3. Bolle-holle rug"], editor.FindAll("#exercise-rows .row-title").Select(h => h.TextContent.Trim()));

        await editor.PressNamed("Bekken kantelen omlaag");
        Assert.Equal(["chin-tuck", "pelvic-tilt", "cat-camel"], (await portal.PlanAsync(planId)).ExerciseOrder());

        await editor.Command("button:contains('Verwijderen: Bolle-holle rug')", e => e.Click());
        Assert.Equal(["chin-tuck", "pelvic-tilt"], (await portal.PlanAsync(planId)).ExerciseOrder());
        Assert.Equal($"/patienten/{patientId}/plan/{planId}", workspace.Path());
    }

    [Fact]
    public async Task A_row_dragged_above_the_first_card_becomes_the_first_exercise_and_one_dropped_on_a_card_lands_after_it()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt", "cat-camel", "chin-tuck")).Id;
        await using var workspace = await TherapistAsync();
        var editor = workspace.OpenEditor(patientId, planId);
        var before = editor.Done();

        // The events a browser sends for a drag and drop, in order, each on the renderer's thread.
        await editor.On("#exercise-rows .mud-drop-item[index='2']", e => e.DragStart());
        await editor.On("#exercise-rows .mud-drop-item-preview-start", e => e.DragEnter());
        await editor.On("#exercise-rows .mud-drop-zone", e => e.Drop());

        editor.WaitForAssertion(() => Assert.True(editor.Done() > before));
        Assert.Equal(["chin-tuck", "pelvic-tilt", "cat-camel"], (await portal.PlanAsync(planId)).ExerciseOrder());
        editor.WaitForAssertion(() => Assert.Equal(["1. Kin intrekken", "2. Bekken kantelen", "3. Bolle-holle rug"],
            editor.FindAll("#exercise-rows .row-title").Select(h => h.TextContent.Trim())));

        before = editor.Done();
        await editor.On("#exercise-rows .mud-drop-item[index='0']", e => e.DragStart());
        await editor.On("#exercise-rows .mud-drop-item[index='1']", e => e.DragEnter());
        await editor.On("#exercise-rows .mud-drop-zone", e => e.Drop());

        editor.WaitForAssertion(() => Assert.True(editor.Done() > before));
        Assert.Equal(["pelvic-tilt", "chin-tuck", "cat-camel"], (await portal.PlanAsync(planId)).ExerciseOrder());
    }

    [Fact]
    public async Task Searching_the_library_keeps_every_edit_of_the_plan()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt")).Id;
        await using var workspace = await TherapistAsync();
        var editor = workspace.OpenEditor(patientId, planId);

        await editor.Type("plan-title", "Rug en nek rustig");
        await editor.Type("row-0-Sets", "3");
        await editor.SearchAsync("clamshell");
        await editor.ChooseAsync(workspace, "library-kind", "Kracht");

        Assert.Equal("Rug en nek rustig", editor.Value("plan-title"));
        Assert.Equal("3", editor.Value("row-0-Sets"));
        var plan = await portal.PlanAsync(planId);
        Assert.Equal(("Rug en nek rustig", (int?)3), (plan.Title, plan.Exercises.Single().Dosage.Sets));
        Assert.Contains("Opgeslagen", editor.Find("#save-status").TextContent);
    }

    [Fact]
    public async Task Library_filters_by_region_and_target_muscle_and_searches_english_text()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId)).Id;
        await using var workspace = await TherapistAsync();
        var editor = workspace.OpenEditor(patientId, planId);
        var gluteusMedius = ClinicalCatalog.Default.MusclesById["gluteus-medius"].Name.Nl;
        var neck = ClinicalCatalog.Default.Regions.Single(r => r.Id == "neck").Name.Nl;

        await editor.ChooseAsync(workspace, "library-muscle", gluteusMedius);
        editor.WaitForAssertion(() => Assert.Empty(editor.FindAll("#add-chin-tuck")));
        Assert.NotEmpty(editor.FindAll("#add-clamshell"));

        await editor.ChooseAsync(workspace, "library-muscle", "Alle");
        await editor.ChooseAsync(workspace, "library-region", neck);
        editor.WaitForAssertion(() => Assert.Empty(editor.FindAll("#add-clamshell")));
        Assert.NotEmpty(editor.FindAll("#add-chin-tuck"));

        await editor.ChooseAsync(workspace, "library-region", "Alle");
        await editor.SearchAsync("clamshell");
        Assert.NotEmpty(editor.FindAll("#add-clamshell"));
    }

    [Fact]
    public async Task Show_all_lists_every_exercise_of_the_library()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt")).Id;
        await using var workspace = await TherapistAsync();

        var editor = workspace.OpenEditor(patientId, planId);
        Assert.Empty(editor.FindAll(".library-item"));

        await editor.ShowAllAsync();

        var exercises = ClinicalCatalog.Default.Exercises.Where(e => !e.IsSelfCareModule).Select(e => e.Id).ToList();
        Assert.Equal(exercises.Count, editor.FindAll(".library-item").Count);
        Assert.All(exercises.Where(id => id != "pelvic-tilt"), id => Assert.NotEmpty(editor.FindAll($"#add-{id}")));
        Assert.Empty(editor.FindAll("#add-pelvic-tilt"));
    }

    [Fact]
    public async Task An_impossible_start_date_is_refused_at_the_field_kept_as_typed_and_the_stored_date_stays()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt")).Id;
        await portal.WithDbAsync(db => db.Plans.Where(p => p.Id == planId).ExecuteUpdateAsync(set => set.SetProperty(p => p.StartsOn, new DateOnly(2026, 2, 2))));
        await using var workspace = await TherapistAsync();
        var editor = workspace.OpenEditor(patientId, planId);

        await editor.Type("plan-start", "2026-02-30");
        await editor.Type("plan-title", "Titel die niet opgeslagen wordt");

        Assert.Contains("Niet alles is goed ingevuld", editor.Find("#error-summary").TextContent);
        Assert.Equal(ValidationText.Date, editor.FieldMessage("plan-start"));
        Assert.Equal("2026-02-30", editor.Value("plan-start"));
        Assert.Equal("Titel die niet opgeslagen wordt", editor.Value("plan-title"));
        Assert.Contains("Niet opgeslagen", editor.Find("#save-status").TextContent);
        var plan = await portal.PlanAsync(planId);
        Assert.Equal(("Testplan", (DateOnly?)new DateOnly(2026, 2, 2)), (plan.Title, plan.StartsOn));
    }

    [Fact]
    public async Task A_dose_that_is_no_number_is_refused_and_nothing_is_saved()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt")).Id;
        await using var workspace = await TherapistAsync();
        var editor = workspace.OpenEditor(patientId, planId);
        var before = editor.Done();

        await editor.On("#row-0-Sets", e => e.Change("twee"));

        editor.WaitForAssertion(() => Assert.Equal("Vul een heel getal in.", editor.FieldMessage("row-0-Sets")));
        Assert.Equal("twee", editor.Value("row-0-Sets"));
        Assert.Equal(before, editor.Done());
        Assert.Equal(("Testplan", (int?)2), ((await portal.PlanAsync(planId)).Title, (await portal.PlanAsync(planId)).Exercises[0].Dosage.Sets));
    }

    [Fact]
    public async Task In_english_a_dose_out_of_range_is_explained_in_english_and_nothing_is_saved()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt")).Id;
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist, "en");
        var editor = workspace.OpenEditor(patientId, planId);

        await editor.Type("row-0-HoldSeconds", "301");
        await editor.On("#row-0-Sets", e => e.Change("two"));

        Assert.Equal("Choose a value from 1 to 300.", editor.FieldMessage("row-0-HoldSeconds"));
        editor.WaitForAssertion(() => Assert.Equal("Enter a whole number.", editor.FieldMessage("row-0-Sets")));
        Assert.Contains("Not saved", editor.Find("#save-status").TextContent);
        Assert.Equal(new ExerciseDosage { Sets = 2, Repetitions = 10 }, (await portal.PlanAsync(planId)).Exercises.Single().Dosage);
    }

    [Fact]
    public async Task Self_care_modules_are_added_in_their_own_section()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt")).Id;
        await using var workspace = await TherapistAsync();
        var editor = workspace.OpenEditor(patientId, planId);

        await editor.Press("add-sleep-routine");

        Assert.Contains("sleep-routine", (await portal.PlanAsync(planId)).ExerciseOrder());
        Assert.Contains("Verwijderen", editor.Find("#selfcare-rows .plan-row").TextContent);
        Assert.Single(editor.FindAll("#exercise-rows .plan-row"));
    }

    [Fact]
    public async Task Dosage_out_of_range_is_refused_at_the_field_and_everything_typed_stays()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt")).Id;
        await using var workspace = await TherapistAsync();
        var editor = workspace.OpenEditor(patientId, planId);

        await editor.Type("plan-title", "Nieuwe titel blijft staan");
        await editor.Type("row-0-Sets", "11");
        await editor.Type("row-0-Repetitions", "12");
        await editor.Type("row-0-RestSeconds", "601");
        await editor.Type("row-0-instructions", "Langzaam uitvoeren");

        Assert.Contains("Niet alles is goed ingevuld", editor.Find("#error-summary").TextContent);
        Assert.Contains("van 1 tot en met 10", editor.FieldMessage("row-0-Sets"));
        Assert.Contains("van 0 tot en met 600", editor.FieldMessage("row-0-RestSeconds"));
        Assert.Equal("", editor.FieldMessage("row-0-Repetitions"));
        Assert.Equal("11", editor.Value("row-0-Sets"));
        Assert.Equal("12", editor.Value("row-0-Repetitions"));
        Assert.Equal("Nieuwe titel blijft staan", editor.Value("plan-title"));
        Assert.Equal("Langzaam uitvoeren", editor.Value("row-0-instructions"));
        var stored = await portal.PlanAsync(planId);
        Assert.Equal("Nieuwe titel blijft staan", stored.Title);
        Assert.Equal((2, 10, (string?)null), (stored.Exercises.Single().Dosage.Sets, stored.Exercises.Single().Dosage.Repetitions, stored.Exercises.Single().Instructions));

        await editor.Type("row-0-Sets", "3");
        await editor.Type("row-0-RestSeconds", "60");

        Assert.Empty(editor.FindAll("#error-summary"));
        var fixedUp = (await portal.PlanAsync(planId)).Exercises.Single();
        Assert.Equal((3, 12, 60, "Langzaam uitvoeren"), (fixedUp.Dosage.Sets!.Value, fixedUp.Dosage.Repetitions!.Value, fixedUp.Dosage.RestSeconds!.Value, fixedUp.Instructions!));
    }

    [Fact]
    public async Task Dosage_phases_and_instructions_are_saved_as_the_therapist_types()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt")).Id;
        await using var workspace = await TherapistAsync();
        var editor = workspace.OpenEditor(patientId, planId);

        await editor.Type("row-0-Sets", "3");
        await editor.Type("row-0-HoldSeconds", "5");
        await editor.Type("row-0-instructions", "Rustig doorademen");
        await editor.Command("#phase-1-include", e => e.Change(true));
        await editor.Type("phase-1-goal", "Diepe buikspieren aan");
        await editor.Type("phase-1-review", "2026-03-01");

        Assert.Contains("Opgeslagen", editor.Find("#save-status").TextContent);
        var plan = await portal.PlanAsync(planId);
        var row = plan.Exercises.Single();
        Assert.Equal((3, 5, "Rustig doorademen"), (row.Dosage.Sets!.Value, row.Dosage.HoldSeconds!.Value, row.Instructions!));
        Assert.Contains("3 x 10", editor.Find(".dosage-text").TextContent);
        var activation = plan.Phases.Single(p => p.Phase == Clinical.Patterns.RecoveryPhase.Activation);
        Assert.Equal("Diepe buikspieren aan", activation.Goal);
        Assert.Equal(new DateOnly(2026, 3, 1), activation.ReviewOn);
    }

    [Fact]
    public async Task A_draft_saved_as_template_can_start_another_patients_plan_and_a_duplicate_name_is_refused()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt", "chin-tuck")).Id;
        var name = "Nek basis " + Guid.NewGuid().ToString("N")[..4];
        await using var workspace = await TherapistAsync();
        var editor = workspace.OpenEditor(patientId, planId);

        await editor.On("#template-name", e => e.Change(name));
        await editor.Press("save-template");
        Assert.Contains($"Opgeslagen als praktijksjabloon '{name}'", editor.Find("#template-saved").TextContent);
        await editor.On("#template-name", e => e.Change(name.ToUpperInvariant()));
        await editor.Press("save-template");
        Assert.Contains("al een sjabloon met deze naam", editor.FieldMessage("template-name"));
        Assert.Equal(name.ToUpperInvariant(), editor.Value("template-name"));
        await editor.On("#template-name", e => e.Change(" "));
        await editor.Press("save-template");
        Assert.Contains("Geef het sjabloon een naam", editor.FieldMessage("template-name"));

        var template = Assert.Single(await portal.WithDbAsync(db => db.Plans.Include(p => p.Exercises)
            .Where(p => p.PatientId == null && p.TemplateName!.ToLower() == name.ToLower()).ToListAsync()));
        Assert.Equal(Baseline.NoordId, template.PracticeId);
        Assert.All(template.Exercises, e => Assert.Null(e.PrecautionConfirmedAt));

        var otherPatient = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planPage = workspace.OpenPlanPage(otherPatient);
        await planPage.ChooseAsync(workspace, "template-choice", name);
        await planPage.On("#plan-start-template", e => e.Click());
        planPage.WaitForAssertion(() => Assert.StartsWith($"/patienten/{otherPatient}/plan/", workspace.Path()));
        var copy = await portal.PlanAsync(PlanIdFrom(workspace));
        Assert.Equal(otherPatient, copy.PatientId);
        Assert.Equal(["pelvic-tilt", "chin-tuck"], copy.ExerciseOrder());
        Assert.NotEqual(template.Id, copy.Id);
    }

    /// <summary>A practice template made from a draft of two exercises, as the builder saves one.</summary>
    private async Task<(Guid Id, string Name)> TemplateAsync()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt", "chin-tuck")).Id;
        var name = "Sjabloonproef " + Guid.NewGuid().ToString("N")[..4];
        var id = await portal.WithDbAsync(async db =>
        {
            var draft = await db.Plans.Include(p => p.Exercises).Include(p => p.Phases).SingleAsync(p => p.Id == planId);
            var template = Web.Features.Plans.PlanDrafts.TemplateFrom(draft, name, draft.CreatedById, DateTimeOffset.UtcNow);
            db.Plans.Add(template);
            await db.SaveChangesAsync();
            return template.Id;
        });
        return (id, name);
    }

    [Fact]
    public async Task Templates_page_lists_opens_and_deletes_a_template_only_after_confirmation()
    {
        var (templateId, name) = await TemplateAsync();
        await using var workspace = await TherapistAsync();

        var list = workspace.OpenTemplates();
        list.WaitForAssertion(() => Assert.Contains(name, list.Markup));
        Assert.Equal($"plannen/sjablonen/{templateId}", list.FindAll("a").Single(a => a.TextContent == name).GetAttribute("href"));
        Assert.NotEmpty(list.FindAll($"a[href='plannen/sjablonen/{templateId}/bewerken']"));
        var detail = workspace.OpenTemplates(templateId);
        Assert.Contains(name, detail.Find("h1").TextContent);

        await detail.On("#template-delete", e => e.Click());
        workspace.Dialogs.WaitForElement(".mud-dialog");
        Assert.Contains($"'{name}' wordt verwijderd", workspace.Dialogs.Find(".mud-dialog").TextContent);
        await workspace.Dialogs.InvokeAsync(() => workspace.Dialogs.Find(".mud-dialog button:contains('Annuleren')").Click());
        workspace.Dialogs.WaitForAssertion(() => Assert.Empty(workspace.Dialogs.FindAll(".mud-dialog")));
        Assert.True(await portal.WithDbAsync(db => db.Plans.AnyAsync(p => p.Id == templateId)));

        await detail.On("#template-delete", e => e.Click());
        workspace.Dialogs.WaitForElement(".mud-dialog");
        await workspace.Dialogs.InvokeAsync(() => workspace.Dialogs.Find(".mud-dialog button:contains('Ja, verwijderen')").Click());

        detail.WaitForAssertion(() => Assert.Equal("/plannen/sjablonen", workspace.Path()));
        Assert.False(await portal.WithDbAsync(db => db.Plans.AnyAsync(p => p.Id == templateId)));
        var after = workspace.OpenTemplates();
        after.WaitForElement(".template-list, .empty-state");
        Assert.DoesNotContain(name, after.Markup);
    }

    [Fact]
    public async Task A_template_is_edited_in_the_builder_name_items_and_dosage_alike()
    {
        var (templateId, name) = await TemplateAsync();
        await using var workspace = await TherapistAsync();
        var editor = workspace.OpenTemplateEditor(templateId);
        Assert.Equal(name, editor.Value("template-name"));
        Assert.Empty(editor.FindAll("#activate"));
        Assert.Empty(editor.FindAll("#plan-start"));

        await editor.Type("template-name", name + " nek");
        await editor.Type("plan-title", "Nek en bovenrug");
        await editor.Type("row-1-Sets", "3");
        await editor.Command("button:contains('Verwijderen: Bekken kantelen')", e => e.Click());
        await editor.ShowAllAsync();
        await editor.Press("add-cat-camel");
        await editor.PressNamed("Bolle-holle rug omhoog");
        await editor.Type("template-name", " ");

        Assert.Contains("Geef het sjabloon een naam", editor.FieldMessage("template-name"));
        var template = await portal.PlanAsync(templateId);
        Assert.Equal((name + " nek", "Nek en bovenrug", (Guid?)null, PlanStatus.Draft), (template.TemplateName, template.Title, template.PatientId, template.Status));
        Assert.Equal(["cat-camel", "chin-tuck"], template.ExerciseOrder());
        Assert.Equal(3, template.Exercises.Single(e => e.ExerciseId == "chin-tuck").Dosage.Sets);
    }

    [Fact]
    public async Task Discarding_a_draft_asks_first_and_only_then_deletes_it()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt")).Id;
        await using var workspace = await TherapistAsync();
        var editor = workspace.OpenEditor(patientId, planId);

        await editor.On("#discard", e => e.Click());
        workspace.Dialogs.WaitForElement(".mud-dialog");
        await workspace.Dialogs.InvokeAsync(() => workspace.Dialogs.Find(".mud-dialog button:contains('Annuleren')").Click());
        workspace.Dialogs.WaitForAssertion(() => Assert.Empty(workspace.Dialogs.FindAll(".mud-dialog")));
        Assert.Single(await portal.PlansOfAsync(patientId));

        await editor.On("#discard", e => e.Click());
        workspace.Dialogs.WaitForElement(".mud-dialog");
        await workspace.Dialogs.InvokeAsync(() => workspace.Dialogs.Find(".mud-dialog button:contains('Concept verwijderen')").Click());

        editor.WaitForAssertion(() => Assert.Equal($"/patienten/{patientId}/plan", workspace.Path()));
        Assert.Empty(await portal.PlansOfAsync(patientId));
    }

    [Fact]
    public async Task Changing_an_active_plan_makes_a_new_version_and_the_patient_sees_only_the_activated_one()
    {
        var patientId = Baseline.NoordPatientId;
        await using var workspace = await TherapistAsync();
        var planPage = workspace.OpenPlanPage(patientId);
        await planPage.On("#plan-start-empty", e => e.Click());
        planPage.WaitForAssertion(() => Assert.StartsWith($"/patienten/{patientId}/plan/", workspace.Path()));
        var v1Id = PlanIdFrom(workspace);
        var v1Editor = workspace.OpenEditor(patientId, v1Id);
        await v1Editor.ShowAllAsync();
        await v1Editor.Press("add-pelvic-tilt");
        await v1Editor.Press("activate");
        Assert.Equal($"/patienten/{patientId}/plan", workspace.Path());
        Assert.Equal(PlanStatus.Active, (await portal.PlanAsync(v1Id)).Status);

        planPage = workspace.OpenPlanPage(patientId);
        await planPage.On("#plan-revise", e => e.Click());
        planPage.WaitForAssertion(() => Assert.NotEqual(v1Id, PlanIdFrom(workspace)));
        var v2Id = PlanIdFrom(workspace);
        var v2 = await portal.PlanAsync(v2Id);
        var v1 = await portal.PlanAsync(v1Id);
        Assert.Equal((v1.LineageId, 2, PlanStatus.Draft), (v2.LineageId, v2.Version, v2.Status));
        Assert.Equal(PlanStatus.Active, v1.Status);

        var v2Editor = workspace.OpenEditor(patientId, v2Id);
        await v2Editor.ShowAllAsync();
        await v2Editor.Press("add-chin-tuck");
        Assert.Equal(["pelvic-tilt"], (await portal.PlanAsync(v1Id)).ExerciseOrder());
        await v2Editor.Press("activate");

        Assert.Equal(PlanStatus.Superseded, (await portal.PlanAsync(v1Id)).Status);
        var activated = await portal.PlanAsync(v2Id);
        Assert.Equal(PlanStatus.Active, activated.Status);
        Assert.NotNull(activated.ActivatedAt);
        var after = workspace.OpenPlanPage(patientId);
        Assert.Contains("Versie 2 actief", after.Markup);
        Assert.Contains("Tom Therapeut", after.Markup);
        Assert.Equal(["2", "1"], after.FindAll(".plan-history tbody tr").Select(r => r.QuerySelector("td")!.TextContent));

        var patientUserId = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == Baseline.NoordPatient).Select(u => u.Id).SingleAsync());
        await using var patientsView = portal.Services.DbAs(patientUserId, Roles.Patient, Baseline.NoordId);
        Assert.Equal([v2Id], await patientsView.Plans.Select(p => p.Id).ToListAsync());
    }

    [Fact]
    public async Task A_form_post_to_the_live_builder_changes_nothing()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt")).Id;
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var own = await client.GetPageAsync("/patienten/nieuw");
        var token = own.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        var response = await client.Http.PostAsync(PlanTestData.Editor(patientId, planId), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "plan-editor",
            ["Input.Title"] = "Overgenomen",
            ["Input.Command"] = "activate",
        }));

        Assert.False(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        var plan = await portal.PlanAsync(planId);
        Assert.Equal(("Testplan", PlanStatus.Draft), (plan.Title, plan.Status));
    }
}
