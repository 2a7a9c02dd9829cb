using RugcentrumPortal.Web.Infrastructure.Time;
using System.Net;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Clinical.Analysis;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Plans;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Infrastructure;

namespace RugcentrumPortal.Web.Tests.Plans;

public class PlanBuilderTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<(PortalClient Client, Page Page)> OpenPlanPageAsync(Guid patientId)
    {
        var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        return (client, await client.GetPageAsync($"/patienten/{patientId}/plan"));
    }

    [Fact]
    public async Task Starting_from_the_latest_assessment_drafts_what_the_clinical_core_suggests_with_its_reasons()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var assessmentId = await portal.NewAssessmentAsync(patientId);
        var (client, page) = await OpenPlanPageAsync(patientId);
        using var _ = client;

        var editor = await client.SubmitAndFollowAsync(page, "form:has(input[name='_handler'][value='plan-start-suggestion'])", []);

        Assert.Equal(HttpStatusCode.OK, editor.Status);
        var plan = await portal.PlanAsync(PlanTestData.PlanIdFrom(editor));
        var analysis = new BalanceAnalyzer().Analyze(new Assessment(PlanTestData.UpperCrossed.Select(r => new MuscleRating(r.Muscle, r.Tone, 2)).ToList())
        {
            ObservationIds = ["chest-breathing"],
            Complaints = [new ComplaintRegion("neck"), new ComplaintRegion("shoulder", Side.Left)],
        });
        var screening = new RedFlagScreener().Screen(new ScreeningInput(RugcentrumPortal.Web.Infrastructure.Time.PracticeClock.AgeOn(new DateOnly(1970, 5, 1), DateOnly.FromDateTime(DateTime.Today)),
            ClinicalCatalog.Default.RedFlags.Where(f => f.IsAsked).ToDictionary(f => f.Id, _ => false)));
        var expected = new PlanSuggester().Suggest(analysis, screening);
        var expectedIds = expected.Exercises.Concat(expected.SelfCareModules).Select(i => i.Exercise.Id).ToList();

        Assert.Equal(PlanStatus.Draft, plan.Status);
        Assert.Equal(1, plan.Version);
        Assert.Equal(assessmentId, plan.SourceAssessmentId);
        Assert.InRange(expected.Exercises.Length, 6, 10);
        Assert.Equal(expectedIds, plan.ExerciseOrder());
        Assert.Contains("chin-tuck", plan.ExerciseOrder());
        Assert.NotEmpty(plan.Phases);
        var chinTuck = plan.Exercises.Single(e => e.ExerciseId == "chin-tuck");
        var catalogChinTuck = ClinicalCatalog.Default.ExercisesById["chin-tuck"];
        Assert.Equal(catalogChinTuck.DefaultDosage.Repetitions, chinTuck.Dosage.Repetitions);
        Assert.Contains("Zet onderactieve spieren aan", editor.Text);
        Assert.Contains("Diepe nekbuigers", editor.Text);
    }

    [Fact]
    public async Task Without_an_assessment_with_ratings_the_suggestion_is_not_offered_but_empty_start_is()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var (client, page) = await OpenPlanPageAsync(patientId);
        using var _ = client;

        Assert.Null(page.Document.QuerySelector("input[name='_handler'][value='plan-start-suggestion']"));
        Assert.Contains("nog geen onderzoek met een spierbeoordeling", page.Text);

        var editor = await client.SubmitAndFollowAsync(page, "form:has(input[name='_handler'][value='plan-start-empty'])", []);

        var plan = await portal.PlanAsync(PlanTestData.PlanIdFrom(editor));
        Assert.Empty(plan.Exercises);
        Assert.Equal("Herstelplan", plan.Title);
        Assert.Equal(patientId, plan.PatientId);
    }

    [Fact]
    public async Task An_incomplete_screening_still_gives_a_suggestion_and_the_draft_says_so()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        await portal.NewAssessmentAsync(patientId, a => a.RedFlagsAbsent = a.RedFlagsAbsent.Take(3).ToList());
        var (client, page) = await OpenPlanPageAsync(patientId);
        using var _ = client;

        var editor = await client.SubmitAndFollowAsync(page, "form:has(input[name='_handler'][value='plan-start-suggestion'])", []);

        Assert.Contains("screening van dit onderzoek is niet volledig", editor.Text);
        Assert.NotEmpty((await portal.PlanAsync(PlanTestData.PlanIdFrom(editor))).Exercises);
    }

    [Fact]
    public async Task Therapist_adds_reorders_and_removes_exercises_with_plain_posts()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt", "cat-camel")).Id;
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var editorUrl = PlanTestData.Editor(patientId, planId);

        var search = await client.GetPageAsync(editorUrl + "?zoek=kin&fase=Activation");
        Assert.NotNull(search.Document.QuerySelector("button[value='add:chin-tuck']"));
        Assert.Null(search.Document.QuerySelector("button[value='add:bridge']"));
        var page = await client.SubmitAndFollowAsync(search, PlanTestData.EditorForm, [], "Input.Command", "add:chin-tuck");
        Assert.Equal(["pelvic-tilt", "cat-camel", "chin-tuck"], (await portal.PlanAsync(planId)).ExerciseOrder());

        var chinTuck = (await portal.PlanAsync(planId)).Exercises.Single(e => e.ExerciseId == "chin-tuck");
        page = await client.SubmitAndFollowAsync(page, PlanTestData.EditorForm, [], "Input.Command", $"up:{chinTuck.Id}");
        Assert.Equal(["pelvic-tilt", "chin-tuck", "cat-camel"], (await portal.PlanAsync(planId)).ExerciseOrder());

        var catCamel = (await portal.PlanAsync(planId)).Exercises.Single(e => e.ExerciseId == "cat-camel");
        page = await client.SubmitAndFollowAsync(page, PlanTestData.EditorForm, [], "Input.Command", $"remove:{catCamel.Id}");
        Assert.Equal(["pelvic-tilt", "chin-tuck"], (await portal.PlanAsync(planId)).ExerciseOrder());

        var pelvicTilt = (await portal.PlanAsync(planId)).Exercises.Single(e => e.ExerciseId == "pelvic-tilt");
        await client.SubmitAndFollowAsync(page, PlanTestData.EditorForm, [], "Input.Command", $"down:{pelvicTilt.Id}");
        Assert.Equal(["chin-tuck", "pelvic-tilt"], (await portal.PlanAsync(planId)).ExerciseOrder());
    }

    [Fact]
    public async Task Library_filters_by_region_and_target_muscle_and_searches_english_text()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId)).Id;
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var editorUrl = PlanTestData.Editor(patientId, planId);

        var byMuscle = await client.GetPageAsync(editorUrl + "?spier=gluteus-medius");
        var byRegion = await client.GetPageAsync(editorUrl + "?regio=neck");
        var english = await client.GetPageAsync(editorUrl + "?zoek=clamshell");

        Assert.NotNull(byMuscle.Document.QuerySelector("button[value='add:clamshell']"));
        Assert.Null(byMuscle.Document.QuerySelector("button[value='add:chin-tuck']"));
        Assert.NotNull(byRegion.Document.QuerySelector("button[value='add:chin-tuck']"));
        Assert.Null(byRegion.Document.QuerySelector("button[value='add:clamshell']"));
        Assert.NotNull(english.Document.QuerySelector("button[value='add:clamshell']"));
    }

    [Fact]
    public async Task Show_all_lists_every_exercise_of_the_library()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt")).Id;
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var editor = await client.GetPageAsync(PlanTestData.Editor(patientId, planId));
        var showAll = editor.Document.QuerySelectorAll("a").Single(a => a.TextContent == "Alle oefeningen tonen").GetAttribute("href")!;

        var page = await client.GetPageAsync("/" + showAll.Split('#')[0]);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var exercises = ClinicalCatalog.Default.Exercises.Where(e => !e.IsSelfCareModule).Select(e => e.Id).ToList();
        var listed = page.Document.QuerySelectorAll(".library-results")[0].QuerySelectorAll("li.library-item").Count();
        Assert.Equal(exercises.Count, listed);
        Assert.All(exercises.Where(id => id != "pelvic-tilt"), id => Assert.NotNull(page.Document.QuerySelector($"button[value='add:{id}']")));
    }

    [Fact]
    public async Task An_impossible_start_date_is_refused_at_the_field_kept_as_typed_and_the_stored_date_stays()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt")).Id;
        await portal.WithDbAsync(db => db.Plans.Where(p => p.Id == planId).ExecuteUpdateAsync(set => set.SetProperty(p => p.StartsOn, new DateOnly(2026, 2, 2))));
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var page = await client.GetPageAsync(PlanTestData.Editor(patientId, planId));

        var after = await client.SubmitAndFollowAsync(page, PlanTestData.EditorForm, new()
        {
            ["Input.Title"] = "Titel die niet opgeslagen wordt",
            ["Input.StartsOn"] = "2026-02-30",
        }, "Input.Command", "save");

        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Contains("Niet alles is goed ingevuld", after.Text);
        Assert.Equal(ValidationText.Date, FieldMessage(after, "plan-start"));
        Assert.Equal("2026-02-30", after.Document.QuerySelector("#plan-start")?.GetAttribute("value"));
        Assert.Equal("Titel die niet opgeslagen wordt", after.Document.QuerySelector("#plan-title")?.GetAttribute("value"));
        var plan = await portal.PlanAsync(planId);
        Assert.Equal(("Testplan", (DateOnly?)new DateOnly(2026, 2, 2)), (plan.Title, plan.StartsOn));
    }

    [Fact]
    public async Task A_dose_that_is_no_number_is_refused_and_nothing_is_saved()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt")).Id;
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var page = await client.GetPageAsync(PlanTestData.Editor(patientId, planId));

        var after = await client.SubmitAndFollowAsync(page, PlanTestData.EditorForm, new()
        {
            ["Input.Title"] = "Titel die niet opgeslagen wordt",
            ["Input.Rows[0].Sets"] = "twee",
        }, "Input.Command", "save");

        Assert.Contains("Niet alles is goed ingevuld", after.Text);
        Assert.Equal("Titel die niet opgeslagen wordt", after.Document.QuerySelector("#plan-title")?.GetAttribute("value"));
        var plan = await portal.PlanAsync(planId);
        Assert.Equal(("Testplan", (int?)2), (plan.Title, plan.Exercises[0].Dosage.Sets));
    }

    [Fact]
    public async Task Self_care_modules_are_added_in_their_own_section()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt")).Id;
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var page = await client.GetPageAsync(PlanTestData.Editor(patientId, planId));

        var after = await client.SubmitAndFollowAsync(page, PlanTestData.EditorForm, [], "Input.Command", "add:sleep-routine");

        Assert.Contains("sleep-routine", (await portal.PlanAsync(planId)).ExerciseOrder());
        Assert.NotNull(after.Document.QuerySelector("#selfcare-heading")?.ParentElement?.QuerySelector("button[value^='remove:']"));
    }

    [Fact]
    public async Task Dosage_out_of_range_is_refused_at_the_field_and_everything_typed_stays()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt")).Id;
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var page = await client.GetPageAsync(PlanTestData.Editor(patientId, planId));

        var after = await client.SubmitAndFollowAsync(page, PlanTestData.EditorForm, new()
        {
            ["Input.Title"] = "Nieuwe titel blijft staan",
            ["Input.Rows[0].Sets"] = "11",
            ["Input.Rows[0].Repetitions"] = "12",
            ["Input.Rows[0].RestSeconds"] = "601",
            ["Input.Rows[0].Instructions"] = "Langzaam uitvoeren",
        }, "Input.Command", "save");

        Assert.Contains("Niet alles is goed ingevuld", after.Text);
        Assert.Contains("van 1 tot en met 10", FieldMessage(after, "row-0-Sets"));
        Assert.Contains("van 0 tot en met 600", FieldMessage(after, "row-0-RestSeconds"));
        Assert.Equal("", FieldMessage(after, "row-0-Repetitions"));
        Assert.Equal("11", after.Document.QuerySelector("#row-0-Sets")?.GetAttribute("value"));
        Assert.Equal("12", after.Document.QuerySelector("#row-0-Repetitions")?.GetAttribute("value"));
        Assert.Equal("Nieuwe titel blijft staan", after.Document.QuerySelector("#plan-title")?.GetAttribute("value"));
        Assert.Equal("Langzaam uitvoeren", after.Document.QuerySelector("#row-0-instructions")?.TextContent);
        var stored = await portal.PlanAsync(planId);
        Assert.Equal("Testplan", stored.Title);
        Assert.Equal(2, stored.Exercises.Single().Dosage.Sets);
    }

    [Fact]
    public async Task Saving_keeps_dosage_phases_and_instructions()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt")).Id;
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var page = await client.GetPageAsync(PlanTestData.Editor(patientId, planId));

        await client.SubmitAndFollowAsync(page, PlanTestData.EditorForm, new()
        {
            ["Input.Rows[0].Sets"] = "3",
            ["Input.Rows[0].HoldSeconds"] = "5",
            ["Input.Rows[0].Instructions"] = "Rustig doorademen",
            ["Input.Phases[1].Include"] = "True",
            ["Input.Phases[1].Goal"] = "Diepe buikspieren aan",
            ["Input.Phases[1].ReviewOn"] = "2026-03-01",
        }, "Input.Command", "save");

        var plan = await portal.PlanAsync(planId);
        var row = plan.Exercises.Single();
        Assert.Equal((3, 5, "Rustig doorademen"), (row.Dosage.Sets!.Value, row.Dosage.HoldSeconds!.Value, row.Instructions!));
        var activation = plan.Phases.Single(p => p.Phase == Clinical.Patterns.RecoveryPhase.Activation);
        Assert.Equal("Diepe buikspieren aan", activation.Goal);
        Assert.Equal(new DateOnly(2026, 3, 1), activation.ReviewOn);
    }

    [Fact]
    public async Task A_draft_saved_as_template_can_start_another_patients_plan_and_a_duplicate_name_is_refused()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt", "chin-tuck")).Id;
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var page = await client.GetPageAsync(PlanTestData.Editor(patientId, planId));
        var name = "Nek basis " + Guid.NewGuid().ToString("N")[..4];

        var saved = await client.SubmitAndFollowAsync(page, PlanTestData.EditorForm, new() { ["Input.TemplateName"] = name }, "Input.Command", "template");
        var again = await client.SubmitAndFollowAsync(saved, PlanTestData.EditorForm, new() { ["Input.TemplateName"] = name.ToUpperInvariant() }, "Input.Command", "template");
        var unnamed = await client.SubmitAndFollowAsync(saved, PlanTestData.EditorForm, new() { ["Input.TemplateName"] = " " }, "Input.Command", "template");

        Assert.Contains($"Opgeslagen als praktijksjabloon '{name}'", saved.Text);
        Assert.Contains("al een sjabloon met deze naam", FieldMessage(again, "template-name"));
        Assert.Contains("Geef het sjabloon een naam", FieldMessage(unnamed, "template-name"));
        var templates = await portal.WithDbAsync(db => db.Plans.Include(p => p.Exercises).Where(p => p.PatientId == null && p.TemplateName!.ToLower() == name.ToLower()).ToListAsync());
        var template = Assert.Single(templates);
        Assert.Equal(Baseline.NoordId, template.PracticeId);
        Assert.All(template.Exercises, e => Assert.Null(e.PrecautionConfirmedAt));

        var otherPatient = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planPage = await client.GetPageAsync($"/patienten/{otherPatient}/plan");
        var editor = await client.SubmitAndFollowAsync(planPage, "form:has(input[name='_handler'][value='plan-start-template'])",
            new() { ["TemplateId"] = template.Id.ToString() });
        var copy = await portal.PlanAsync(PlanTestData.PlanIdFrom(editor));
        Assert.Equal(otherPatient, copy.PatientId);
        Assert.Equal(["pelvic-tilt", "chin-tuck"], copy.ExerciseOrder());
        Assert.NotEqual(template.Id, copy.Id);
    }

    [Fact]
    public async Task Templates_page_lists_opens_and_deletes_the_practices_templates()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt")).Id;
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var page = await client.GetPageAsync(PlanTestData.Editor(patientId, planId));
        var name = "Verwijderproef " + Guid.NewGuid().ToString("N")[..4];
        await client.SubmitAndFollowAsync(page, PlanTestData.EditorForm, new() { ["Input.TemplateName"] = name }, "Input.Command", "template");

        var list = await client.GetPageAsync("/plannen/sjablonen");
        var link = list.Document.QuerySelectorAll("a").Single(a => a.TextContent == name).GetAttribute("href")!;
        var detail = await client.GetPageAsync("/" + link);
        Assert.Contains(name, detail.Document.QuerySelector("h1")!.TextContent);
        var afterDelete = await client.SubmitAndFollowAsync(detail, "form:has(input[name='_handler'][value='plan-template-delete'])", []);

        Assert.Contains("Het sjabloon is verwijderd", afterDelete.Text);
        Assert.DoesNotContain(name, afterDelete.Text);
        Assert.False(await portal.WithDbAsync(db => db.Plans.AnyAsync(p => p.TemplateName == name)));
    }

    [Fact]
    public async Task Changing_an_active_plan_makes_a_new_version_and_the_patient_sees_only_the_activated_one()
    {
        var patientId = Baseline.NoordPatientId;
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var planPage = await client.GetPageAsync($"/patienten/{patientId}/plan");
        var v1Editor = await client.SubmitAndFollowAsync(planPage, "form:has(input[name='_handler'][value='plan-start-empty'])", []);
        v1Editor = await client.SubmitAndFollowAsync(v1Editor, PlanTestData.EditorForm, [], "Input.Command", "add:pelvic-tilt");
        var afterV1 = await client.SubmitAndFollowAsync(v1Editor, PlanTestData.EditorForm, [], "Input.Command", "activate");
        var v1Id = PlanTestData.PlanIdFrom(v1Editor);
        Assert.Equal($"/patienten/{patientId}/plan", afterV1.Url.AbsolutePath);
        Assert.Equal(PlanStatus.Active, (await portal.PlanAsync(v1Id)).Status);

        var v2Editor = await client.SubmitAndFollowAsync(afterV1, "form:has(input[name='_handler'][value='plan-revise'])", []);
        var v2Id = PlanTestData.PlanIdFrom(v2Editor);
        var v2 = await portal.PlanAsync(v2Id);
        var v1 = await portal.PlanAsync(v1Id);
        Assert.NotEqual(v1Id, v2Id);
        Assert.Equal((v1.LineageId, 2, PlanStatus.Draft), (v2.LineageId, v2.Version, v2.Status));
        Assert.Equal(PlanStatus.Active, v1.Status);

        v2Editor = await client.SubmitAndFollowAsync(v2Editor, PlanTestData.EditorForm, [], "Input.Command", "add:chin-tuck");
        Assert.Equal(["pelvic-tilt"], (await portal.PlanAsync(v1Id)).ExerciseOrder());
        var afterV2 = await client.SubmitAndFollowAsync(v2Editor, PlanTestData.EditorForm, [], "Input.Command", "activate");

        Assert.Equal(PlanStatus.Superseded, (await portal.PlanAsync(v1Id)).Status);
        var activated = await portal.PlanAsync(v2Id);
        Assert.Equal(PlanStatus.Active, activated.Status);
        Assert.NotNull(activated.ActivatedAt);
        Assert.Contains("Versie 2 actief", afterV2.Text);
        Assert.Contains("Tom Therapeut", afterV2.Text);
        var history = afterV2.Document.QuerySelectorAll(".plan-history tbody tr").Select(r => r.QuerySelector("td")!.TextContent).ToList();
        Assert.Equal(["2", "1"], history);

        var patientUserId = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == Baseline.NoordPatient).Select(u => u.Id).SingleAsync());
        await using var patientsView = portal.Services.DbAs(patientUserId, Roles.Patient, Baseline.NoordId);
        var seenByPatient = await patientsView.Plans.Select(p => p.Id).ToListAsync();
        Assert.Equal([v2Id], seenByPatient);
    }

    [Fact]
    public async Task A_post_without_antiforgery_token_changes_nothing()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt")).Id;
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var page = await client.GetPageAsync(PlanTestData.Editor(patientId, planId));

        var response = await client.SubmitAsync(page, PlanTestData.EditorForm, new() { ["__RequestVerificationToken"] = null, ["Input.Title"] = "Zonder token" }, "Input.Command", "activate");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var plan = await portal.PlanAsync(planId);
        Assert.Equal(("Testplan", PlanStatus.Draft), (plan.Title, plan.Status));
    }

    internal static string FieldMessage(Page page, string fieldId) =>
        page.Document.QuerySelector($"#{fieldId}")?.ParentElement?.QuerySelector(".validation-message")?.TextContent ?? "";
}
