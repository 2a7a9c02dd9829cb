using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.PracticeExercises;
using RugcentrumPortal.Web.Tests.PatientPortal;

namespace RugcentrumPortal.Web.Tests.PracticeExercises;

public class PracticeExerciseServiceTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetOwnExercisesAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_created_exercise_is_listed_offered_and_keeps_the_steps_as_lines_without_blanks()
    {
        var id = await portal.CreatedAsync();

        Assert.StartsWith("praktijk-", id);
        Assert.DoesNotContain(ClinicalCatalog.Default.Exercises, e => e.Id == id);
        var listed = Assert.Single(await portal.AsAsync(Baseline.NoordSecondTherapist, s => s.ListAsync(default)));
        Assert.Equal(("Muurschuiven", false, false), (listed.Title, listed.IsArchived, listed.InUse));
        var offered = Assert.Single(await portal.OfferedAsync(Baseline.NoordTherapist, "muur"));
        Assert.Equal(["Sta met de rug tegen de muur.", "Schuif de armen langzaam omhoog.", "Laat ze rustig zakken."], offered.Steps.Select(s => s.Get()));
        Assert.Equal("2 x 8 herhalingen", offered.DefaultDosage.Describe().Nl);
    }

    [Fact]
    public async Task An_edit_changes_the_texts_and_records_who_changed_it()
    {
        var id = await portal.CreatedAsync();
        var input = (await portal.AsAsync(Baseline.NoordSecondTherapist, s => s.EditAsync(id, default)))!;
        input.Title = "Muurschuiven met band";

        var saved = await portal.AsAsync(Baseline.NoordSecondTherapist, s => s.SaveAsync(id, input, default));

        Assert.Equal(id, saved.Id);
        var row = await portal.WithDbAsync(db => db.PracticeExercises.AsNoTracking().SingleAsync());
        Assert.Equal("Muurschuiven met band", row.Title);
        Assert.NotEqual(row.CreatedById, row.UpdatedById);
    }

    [Fact]
    public async Task Missing_texts_and_a_dosage_out_of_range_give_a_message_each_and_save_nothing()
    {
        var id = await portal.CreatedAsync();
        var input = OwnExerciseTestKit.Wall();
        (input.Title, input.Steps, input.Repetitions) = ("  ", "\n \n", 500);

        var refused = await portal.AsAsync(Baseline.NoordTherapist, s => s.SaveAsync(id, input, default));

        Assert.False(refused.Succeeded);
        Assert.Equal(["Repetitions", "Steps", "Title"], refused.Errors.Keys.Order());
        Assert.Equal("Geef de oefening een titel.", refused.Errors["Title"]);
        Assert.Equal("Muurschuiven", await portal.WithDbAsync(db => db.PracticeExercises.Select(e => e.Title).SingleAsync()));
    }

    [Fact]
    public async Task A_new_exercise_without_any_dosage_is_refused_and_not_stored()
    {
        var input = OwnExerciseTestKit.Wall();
        (input.Sets, input.Repetitions) = (null, null);

        var refused = await portal.AsAsync(Baseline.NoordTherapist, s => s.SaveAsync(null, input, default));

        Assert.Contains("Repetitions", refused.Errors.Keys);
        Assert.Equal(0, await portal.WithDbAsync(db => db.PracticeExercises.CountAsync()));
    }

    [Fact]
    public async Task Another_practice_finds_nothing_to_read_change_remove_or_offer()
    {
        var id = await portal.CreatedAsync();

        Assert.Null(await portal.AsAsync(Baseline.ZuidTherapist, s => s.EditAsync(id, default)));
        Assert.True((await portal.AsAsync(Baseline.ZuidTherapist, s => s.SaveAsync(id, OwnExerciseTestKit.Wall(), default))).NotFound);
        Assert.Equal(RemoveOutcome.NotFound, await portal.AsAsync(Baseline.ZuidTherapist, s => s.RemoveAsync(id, default)));
        Assert.Empty(await portal.AsAsync(Baseline.ZuidTherapist, s => s.ListAsync(default)));
        Assert.Empty(await portal.OfferedAsync(Baseline.ZuidTherapist));
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.ZuidTherapist);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<ExerciseLookup>().FindAsync(id, default));
    }

    [Fact]
    public async Task An_unused_exercise_is_deleted()
    {
        var id = await portal.CreatedAsync();

        Assert.Equal(RemoveOutcome.Deleted, await portal.AsAsync(Baseline.NoordTherapist, s => s.RemoveAsync(id, default)));
        Assert.Equal(0, await portal.WithDbAsync(db => db.PracticeExercises.CountAsync()));
    }

    [Fact]
    public async Task An_exercise_a_plan_holds_is_archived_no_longer_offered_but_still_shown_for_that_plan()
    {
        var id = await portal.CreatedAsync();
        await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, portal.PracticeClock().Now, TestPlans.Exercise(id, perDay: 1));

        Assert.Equal(RemoveOutcome.Archived, await portal.AsAsync(Baseline.NoordTherapist, s => s.RemoveAsync(id, default)));

        Assert.Empty(await portal.OfferedAsync(Baseline.NoordTherapist));
        var listed = Assert.Single(await portal.AsAsync(Baseline.NoordTherapist, s => s.ListAsync(default)));
        Assert.True(listed.IsArchived && listed.InUse);
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordPatient);
        var shown = await scope.ServiceProvider.GetRequiredService<ExerciseLookup>().FindAsync(id, default);
        Assert.Equal("Muurschuiven", shown?.Title.Get());
    }

    [Fact]
    public async Task A_patient_finds_only_the_own_exercises_of_their_active_plan()
    {
        var inPlan = await portal.CreatedAsync();
        var other = OwnExerciseTestKit.Wall();
        other.Title = "Kat en koe";
        var notInPlan = await portal.CreatedAsync(other);
        await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, portal.PracticeClock().Now, TestPlans.Exercise(inPlan, perDay: 1));

        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordPatient);
        var found = await scope.ServiceProvider.GetRequiredService<ExerciseLookup>().ResolveAsync([inPlan, notInPlan, "chin-tuck"], default);

        Assert.Equal(["chin-tuck", inPlan], found.Keys.Order(StringComparer.Ordinal));
    }
}
