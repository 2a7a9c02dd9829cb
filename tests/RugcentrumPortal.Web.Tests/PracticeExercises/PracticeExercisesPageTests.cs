using Bunit;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.PracticeExercises;
using RugcentrumPortal.Web.Tests.Components;
using RugcentrumPortal.Web.Tests.Intake;
using RugcentrumPortal.Web.Tests.PatientPortal;

namespace RugcentrumPortal.Web.Tests.PracticeExercises;

/// <summary>The live page of the practice's own exercises, used as a therapist uses it, against the real database.</summary>
public class PracticeExercisesPageTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetOwnExercisesAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static IRenderedComponent<PracticeExercisesPage> Open(WorkspaceContext workspace)
    {
        var page = workspace.Open<PracticeExercisesPage>("oefeningen/eigen", _ => { });
        page.WaitForElement(".own-list, #own-none");
        return page;
    }

    [Fact]
    public async Task A_therapist_writes_a_new_exercise_and_finds_it_in_the_list()
    {
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        var page = Open(workspace);
        page.WaitForElement("#own-none");

        await page.On("#own-new", e => e.Click());
        await page.On("#own-title", e => e.Change("Kat en koe"));
        await page.On("#own-purpose", e => e.Change("De rug soepel laten bewegen."));
        await page.On("#own-steps", e => e.Change("Ga op handen en knieën staan.\nMaak de rug hol en dan bol."));
        await page.On("#own-Repetitions", e => e.Change("10"));
        await page.On("#own-save", e => e.Click());

        page.WaitForAssertion(() => Assert.Contains("Kat en koe is opgeslagen.", page.Find("[role=status]").TextContent));
        Assert.Contains("Kat en koe", page.Find(".own-list").TextContent);
        var row = await portal.WithDbAsync(db => db.PracticeExercises.AsNoTracking().SingleAsync());
        Assert.Equal(("De rug soepel laten bewegen.", 10), (row.Purpose, row.DefaultDosage.Repetitions));
    }

    [Fact]
    public async Task Saving_without_a_title_or_steps_shows_a_message_at_each_field_in_english_too_and_stores_nothing()
    {
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist, "en");
        var page = Open(workspace);

        await page.On("#own-new", e => e.Click());
        await page.On("#own-purpose", e => e.Change("Loosen the back."));
        await page.On("#own-Sets", e => e.Change("2"));
        await page.On("#own-save", e => e.Click());

        page.WaitForElement("#own-problems");
        Assert.Contains("Give the exercise a title.", page.Markup);
        Assert.Contains("Write at least one step, one per line.", page.Markup);
        Assert.Equal(0, await portal.WithDbAsync(db => db.PracticeExercises.CountAsync()));
    }

    [Fact]
    public async Task Editing_changes_the_stored_exercise()
    {
        var id = await portal.CreatedAsync();
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        var page = Open(workspace);

        await page.On($"#edit-{id}", e => e.Click());
        page.WaitForAssertion(() => Assert.Equal("Muurschuiven", page.Find("#own-title").GetAttribute("value")));
        await page.On("#own-title", e => e.Change("Muurschuiven staand"));
        await page.On("#own-save", e => e.Click());

        page.WaitForAssertion(() => Assert.Contains("Muurschuiven staand is opgeslagen.", page.Find("[role=status]").TextContent));
        Assert.Equal("Muurschuiven staand", await portal.WithDbAsync(db => db.PracticeExercises.Select(e => e.Title).SingleAsync()));
    }

    [Fact]
    public async Task An_exercise_in_a_plan_is_archived_instead_of_deleted_and_can_be_restored()
    {
        var id = await portal.CreatedAsync();
        await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, portal.PracticeClock().Now, TestPlans.Exercise(id, perDay: 1));
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        var page = Open(workspace);
        Assert.Contains("Archiveren", page.Find($"#remove-{id}").TextContent);

        await page.On($"#remove-{id}", e => e.Click());

        page.WaitForAssertion(() => Assert.Contains("gearchiveerd", page.Find("[role=status]").TextContent));
        Assert.Contains("Gearchiveerd", page.Find($"#own-{id}").TextContent);
        Assert.True(await portal.WithDbAsync(db => db.PracticeExercises.Select(e => e.IsArchived).SingleAsync()));

        await page.On($"#restore-{id}", e => e.Click());

        page.WaitForAssertion(() => Assert.Contains("weer in de bibliotheek", page.Find("[role=status]").TextContent));
        Assert.False(await portal.WithDbAsync(db => db.PracticeExercises.Select(e => e.IsArchived).SingleAsync()));
    }

    [Fact]
    public async Task Another_practices_therapist_does_not_see_the_exercise()
    {
        var id = await portal.CreatedAsync();
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.ZuidTherapist);
        var page = Open(workspace);

        page.WaitForElement("#own-none");
        Assert.Empty(page.FindAll($"#own-{id}"));
    }
}
