using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Feedback;
using RugcentrumPortal.Web.Features.Plans;
using RugcentrumPortal.Web.Tests.Components;
using RugcentrumPortal.Web.Tests.Intake;
using RugcentrumPortal.Web.Tests.Plans;
using static RugcentrumPortal.Web.Tests.PatientPortal.PortalTestData;

namespace RugcentrumPortal.Web.Tests.PracticeExercises;

/// <summary>An own exercise travels like a catalogue one: offered in the builder, shown to the patient, printed.</summary>
public class OwnExercisesInPlansTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetOwnExercisesAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<RecoveryPlan> ActivePlanWithAsync(string ownId) =>
        await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, At(Monday),
            TestPlans.Exercise(ownId, perDay: 1, sets: 2, reps: 8),
            TestPlans.Exercise("chin-tuck", perDay: 2, sets: 2, reps: 10));

    [Fact]
    public async Task The_patient_sees_the_own_exercise_on_today_and_on_its_page_with_the_steps_as_written()
    {
        var id = await portal.CreatedAsync();
        var plan = await ActivePlanWithAsync(id);
        using var client = portal.On(Wednesday).CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);

        var home = await client.GetPageAsync("/mijn");
        var page = await client.GetPageAsync($"/mijn/oefening/{plan.Exercises[0].Id}");

        Assert.Contains("Muurschuiven", home.Document.Body!.TextContent);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Muurschuiven", page.Document.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Sta met de rug tegen de muur.", "Schuif de armen langzaam omhoog.", "Laat ze rustig zakken."],
            page.Document.QuerySelectorAll(".exercise-steps li").Select(li => li.TextContent.Trim()));
        Assert.Equal("2 x 8 herhalingen, 1x per dag", page.Document.QuerySelector(".dosage-text")!.TextContent);
    }

    [Fact]
    public async Task The_plan_page_summary_names_the_own_exercise_by_its_title()
    {
        var id = await portal.CreatedAsync();
        await ActivePlanWithAsync(id);
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);

        var page = await scope.ServiceProvider.GetRequiredService<PlanService>().GetPageAsync(Baseline.NoordPatientId, default);

        Assert.Equal(["Muurschuiven", "Kin intrekken"], page!.Current!.Summary.Exercises.Select(r => r.Title));
    }

    [Fact]
    public async Task A_patients_note_on_an_own_exercise_reaches_the_therapist_with_its_title()
    {
        var id = await portal.CreatedAsync();
        var plan = await ActivePlanWithAsync(id);
        await portal.WithDbAsync(db =>
        {
            db.SessionLogs.Add(new SessionLog
            {
                PatientId = plan.PatientId!.Value, PlanId = plan.Id, PlanExerciseId = plan.Exercises[0].Id, ExerciseId = id,
                Day = Wednesday, Outcome = SessionOutcome.Done, Pain = 3, Note = "Lukt beter met de muur", SubmissionId = Guid.NewGuid(), CreatedAt = At(Wednesday),
            });
            return db.SaveChangesAsync();
        });
        await using var scope = await portal.On(Wednesday).Services.ScopeAsAsync(Baseline.NoordTherapist);

        var items = await scope.ServiceProvider.GetRequiredService<FeedbackService>().ForPatientAsync(Baseline.NoordPatientId, default);

        Assert.Equal("Muurschuiven", Assert.Single(items, i => i.Note == "Lukt beter met de muur").ExerciseTitle);
    }

    [Fact]
    public async Task An_archived_own_exercise_still_shows_on_the_patients_page()
    {
        var id = await portal.CreatedAsync();
        var plan = await ActivePlanWithAsync(id);
        await portal.AsAsync(Baseline.NoordTherapist, s => s.RemoveAsync(id, default));
        using var client = portal.On(Wednesday).CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);

        var page = await client.GetPageAsync($"/mijn/oefening/{plan.Exercises[0].Id}");

        Assert.Equal("Muurschuiven", page.Document.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task The_printed_plan_shows_the_own_exercise_with_its_steps()
    {
        var id = await portal.CreatedAsync();
        await ActivePlanWithAsync(id);
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);

        var page = await client.GetPageAsync($"/patienten/{Baseline.NoordPatientId}/plan/afdrukken");

        var titles = page.Document.QuerySelectorAll(".plan-exercise h3").Select(h => h.TextContent).ToList();
        Assert.Equal(2, titles.Count);
        Assert.EndsWith("Muurschuiven", titles[0]);
        Assert.Contains("Schuif de armen langzaam omhoog.", page.Document.QuerySelectorAll(".plan-exercise")[0].TextContent);
    }

    [Fact]
    public async Task The_builder_offers_the_own_exercise_marked_as_such_and_adds_it_to_the_plan()
    {
        var id = await portal.CreatedAsync();
        var draft = await TestPlans.DraftAsync(portal, Baseline.NoordPatientId, "chin-tuck");
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        var editor = workspace.OpenEditor(Baseline.NoordPatientId, draft.Id);
        Assert.NotNull(editor.Find("#library-own-link[href='oefeningen/eigen']"));

        await editor.On("#library-text", e => e.Input("muur"));

        editor.WaitForAssertion(() => Assert.Contains("Eigen oefening", editor.Find($"#add-{id}").Closest(".library-item")!.TextContent));
        await editor.Press($"add-{id}");
        Assert.Equal(["chin-tuck", id], (await portal.PlanAsync(draft.Id)).ExerciseOrder());
        editor.WaitForAssertion(() => Assert.Contains(editor.FindAll(".plan-row .row-title"), t => t.TextContent.EndsWith("Muurschuiven")));
        Assert.Contains("De schouderbladen leren meebewegen", editor.Markup);
    }

    [Fact]
    public async Task An_archived_own_exercise_is_not_offered_in_the_builder()
    {
        var id = await portal.CreatedAsync();
        await ActivePlanWithAsync(id);
        await portal.AsAsync(Baseline.NoordTherapist, s => s.RemoveAsync(id, default));
        var draft = await TestPlans.DraftAsync(portal, Baseline.NoordPatientId, "chin-tuck");
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        var editor = workspace.OpenEditor(Baseline.NoordPatientId, draft.Id);

        await editor.On("#library-text", e => e.Input("muur"));

        editor.WaitForElement(".library-count");
        Assert.Empty(editor.FindAll($"#add-{id}"));
        Assert.Empty(editor.FindAll(".own-mark"));
    }

    [Fact]
    public async Task A_photo_can_be_added_to_an_own_exercise_but_not_to_another_practices()
    {
        var id = await portal.CreatedAsync();
        var photo = ExerciseMedia.MediaSamples.Picture(SkiaSharp.SKEncodedImageFormat.Png);

        var own = await ExerciseMedia.MediaTestKit.UploadAsync(portal, Baseline.NoordTherapist, id, "foto.png", photo);
        var other = await ExerciseMedia.MediaTestKit.UploadAsync(portal, Baseline.ZuidTherapist, id, "foto.png", photo);

        Assert.True(own.Succeeded, own.FileError ?? own.AltTextError);
        Assert.True(other.NotFound);
    }
}
