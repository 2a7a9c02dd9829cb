using System.Net;
using AngleSharp.Dom;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Tests.Components;
using RugcentrumPortal.Web.Tests.Plans;
using static RugcentrumPortal.Web.Tests.PatientPortal.PortalTestData;
using static RugcentrumPortal.TestSupport.TestPlans;

namespace RugcentrumPortal.Web.Tests.ExerciseFigures;

/// <summary>The exercise's picture where patient and therapist meet it: the exercise page, the plan builder and paper.</summary>
public class ExerciseFigureTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Title(string exerciseId) => ClinicalCatalog.Default.ExercisesById[exerciseId].Title.Nl;

    private static List<string> SvgNames(IParentNode within) =>
        [.. within.QuerySelectorAll("svg[role=img]").Select(svg => svg.QuerySelector("title")?.TextContent ?? "")];

    [Fact]
    public async Task The_exercise_page_shows_the_moving_figure_and_the_still_start_and_end_by_name()
    {
        var plan = await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, At(Monday), Exercise("bridge", perDay: 1, sets: 2, reps: 10));
        using var client = portal.On(Wednesday).CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);

        var page = await client.GetPageAsync($"/mijn/oefening/{plan.Exercises[0].Id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var figure = page.Document.QuerySelector("[data-exercise-figure=bridge]")!;
        Assert.Equal([$"{Title("bridge")}: van beginhouding naar eindhouding"], SvgNames(figure.QuerySelector(".figure-moving")!));
        Assert.Equal([$"{Title("bridge")}: beginhouding", $"{Title("bridge")}: eindhouding"], SvgNames(figure.QuerySelector(".figure-still-pair")!));
        Assert.NotEmpty(figure.QuerySelectorAll(".figure-moving animate"));
        Assert.Empty(figure.QuerySelectorAll(".figure-still-pair animate"));
        Assert.Empty(page.Document.QuerySelectorAll("script:not([src]), [style]"));
    }

    [Fact]
    public async Task The_plan_builder_moves_the_figure_on_each_plan_row_and_keeps_the_library_list_still()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var planId = (await TestPlans.DraftAsync(portal, patientId, "cat-camel")).Id;
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        var editor = workspace.OpenEditor(patientId, planId);

        await editor.SearchAsync("vogel");

        var row = editor.Find("#exercise-rows .plan-row");
        Assert.Contains($"{Title("cat-camel")}: van beginhouding naar eindhouding", SvgNames(row.QuerySelector(".figure-small")!));
        var item = editor.FindAll(".library-item").Single(li => li.TextContent.Contains(Title("bird-dog"), StringComparison.Ordinal));
        Assert.Equal([$"{Title("bird-dog")}: beginhouding", $"{Title("bird-dog")}: eindhouding"], SvgNames(item.QuerySelector(".figure-list-item")!));
        Assert.Empty(item.QuerySelectorAll("animate"));
    }

    [Fact]
    public async Task The_printed_plan_shows_start_and_end_side_by_side_and_nothing_moves()
    {
        await TestPlans.ActiveAsync(portal, Baseline.NoordPatientId, ["chin-tuck", "dead-bug"]);
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);

        var page = await client.GetPageAsync($"/patienten/{Baseline.NoordPatientId}/plan/afdrukken");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var exercises = page.Document.QuerySelectorAll(".plan-exercise").ToList();
        Assert.Equal(2, exercises.Count);
        Assert.Equal([$"{Title("chin-tuck")}: beginhouding", $"{Title("chin-tuck")}: eindhouding"], SvgNames(exercises[0]));
        Assert.Equal([$"{Title("dead-bug")}: beginhouding", $"{Title("dead-bug")}: eindhouding"], SvgNames(exercises[1]));
        Assert.Empty(page.Document.QuerySelectorAll(".figure-moving, animate"));
    }
}
