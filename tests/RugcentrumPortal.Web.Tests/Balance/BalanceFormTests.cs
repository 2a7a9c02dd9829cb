using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Clinical.Muscles;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Balance;
using RugcentrumPortal.Web.Tests.Components;
using static RugcentrumPortal.Web.Tests.Balance.BalanceTestData;

namespace RugcentrumPortal.Web.Tests.Balance;

/// <summary>The live muscle-balance form: every choice is saved as it is made and the panel follows the ratings.</summary>
public class BalanceFormTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static Guid Patient => Baseline.NoordPatientId;

    private async Task<(WorkspaceContext Workspace, IRenderedComponent<BalanceForm> Page)> OpenAsync(Guid id, string user = Baseline.NoordTherapist)
    {
        var workspace = await WorkspaceContext.SignedInAsync(portal, user);
        var page = workspace.RenderPage<BalanceForm>(p => p.Add(f => f.PatientId, Patient).Add(f => f.AssessmentId, id));
        page.WaitForElement("#region-neck");
        return (workspace, page);
    }

    /// <summary>Chooses a radio as a click would, then waits until the page says the choice is saved.</summary>
    private static async Task ChooseAsync(IRenderedComponent<BalanceForm> page, string inputId)
    {
        await page.InvokeAsync(() =>
        {
            var input = page.Find($"#{inputId}");
            input.Change(input.GetAttribute("value") ?? "");
        });
        page.WaitForAssertion(() => Assert.Contains("opgeslagen om", page.Find("#save-status").TextContent));
    }

    private static string RegionCount(IRenderedComponent<BalanceForm> page, string region) =>
        page.Find($"#region-{region} .region-count").TextContent.Trim();

    [Fact]
    public async Task The_complaint_regions_come_first_and_open_and_the_other_regions_are_folded()
    {
        var id = await CreateNoordAssessmentAsync(portal, "low-back", "shoulder:left");
        var (workspace, page) = await OpenAsync(id);
        await using var _ = workspace;

        var panels = page.FindAll(".region-panel");
        Assert.Equal(["region-low-back", "region-shoulder"], panels.Take(2).Select(p => p.Id).Order());
        Assert.All(panels.Take(2), p => Assert.Contains("klachtengebied", p.TextContent));
        Assert.All(panels.Take(2), p => Assert.Contains("is-open", p.ClassName));
        Assert.All(panels.Skip(2), p => Assert.DoesNotContain("is-open", p.ClassName));
        Assert.All(panels.Skip(2), p => Assert.Equal("false", p.QuerySelector(".region-toggle")!.GetAttribute("aria-expanded")));
        Assert.Empty(page.FindAll("#region-neck .muscle-row"));
        Assert.Equal("Nek", page.Find("#region-neck .region-name").TextContent);
        Assert.Contains("diep", page.Find("#row-multifidus legend").TextContent);
        Assert.True(page.Find("#tone-quadratus-lumborum-none").HasAttribute("checked"));
    }

    [Fact]
    public async Task Rating_a_muscle_moves_the_counters_and_saves_it_without_leaving_the_page()
    {
        var id = await CreateNoordAssessmentAsync(portal, "neck");
        var (workspace, page) = await OpenAsync(id);
        await using var _ = workspace;
        var neckMuscles = Clinical.Catalog.ClinicalCatalog.Default.Muscles.Count(m => m.RegionId == "neck");

        Assert.Equal($"0 van {neckMuscles} beoordeeld", RegionCount(page, "neck"));
        await ChooseAsync(page, "tone-upper-trapezius-overactive");

        Assert.Equal($"1 van {neckMuscles} beoordeeld", RegionCount(page, "neck"));
        Assert.Equal("1 van 48 spieren beoordeeld", page.Find("#rated-total").TextContent);
        Assert.NotNull(page.Find("#intensity-upper-trapezius-1"));
        Assert.NotNull(page.Find("#side-upper-trapezius-both"));
        Assert.Empty(page.FindAll("#intensity-deep-neck-flexors-1"));
        var rating = Assert.Single((await LoadAsync(portal, id)).Ratings);
        Assert.Equal(("upper-trapezius", MuscleTone.Overactive, 1, Side.Both), (rating.MuscleId, rating.Tone, rating.Intensity, rating.Side));

        await ChooseAsync(page, "intensity-upper-trapezius-3");
        await ChooseAsync(page, "side-upper-trapezius-left");

        rating = Assert.Single((await LoadAsync(portal, id)).Ratings);
        Assert.Equal((3, Side.Left), (rating.Intensity, rating.Side));

        await ChooseAsync(page, "tone-upper-trapezius-none");

        Assert.Empty((await LoadAsync(portal, id)).Ratings);
        Assert.Equal($"0 van {neckMuscles} beoordeeld", RegionCount(page, "neck"));
    }

    [Fact]
    public async Task The_panel_shows_the_patterns_and_chains_of_the_ratings_so_far()
    {
        var id = await CreateNoordAssessmentAsync(portal, "neck");
        var (workspace, page) = await OpenAsync(id);
        await using var _ = workspace;

        Assert.Contains("Beoordeel een spier", page.Find(".balance-panel").TextContent);
        foreach (var region in new[] { "chest", "upper-back" })
        {
            page.Find($"#region-{region} .region-toggle").Click();
        }
        foreach (var (muscle, tone, intensity) in UpperCrossedRatings)
        {
            await ChooseAsync(page, $"tone-{muscle}-{tone.ToString().ToLowerInvariant()}");
            await ChooseAsync(page, $"intensity-{muscle}-{intensity}");
        }

        var found = page.FindAll(".found-patterns li").Select(li => li.GetAttribute("data-pattern")).ToList();
        Assert.Contains("upper-crossed", found);
        Assert.Contains("passend", page.Find(".found-patterns li[data-pattern=upper-crossed] .panel-figures").TextContent);
        Assert.NotEmpty(page.FindAll(".loaded-chains li"));
        Assert.Equal("8 van 48 spieren beoordeeld", page.Find("#rated-total").TextContent);
        Assert.Equal(8, (await LoadAsync(portal, id)).Ratings.Count);
    }

    [Fact]
    public async Task Observations_and_notes_are_saved_as_they_are_made_and_come_back_on_a_new_page()
    {
        var id = await CreateNoordAssessmentAsync(portal, "neck");
        var (workspace, page) = await OpenAsync(id);
        await using (workspace)
        {
            await ChooseAsync(page, "tone-upper-trapezius-overactive");
            page.Find("#observation-forward-head").Change(true);
            Assert.Equal(["forward-head"], (await StoredAsync(portal, id, a => a.Observations.Count > 0)).Observations);
            page.Find("#balance-notes").Input("Werkt 9 uur per dag aan een laptop.");
            Assert.Equal("Werkt 9 uur per dag aan een laptop.", (await StoredAsync(portal, id, a => a.BalanceNotes is not null)).BalanceNotes);
        }

        var (again, reloaded) = await OpenAsync(id);
        await using var _ = again;

        Assert.True(reloaded.Find("#tone-upper-trapezius-overactive").HasAttribute("checked"));
        Assert.True(reloaded.Find("#observation-forward-head").HasAttribute("checked") || reloaded.Find("#observation-forward-head").GetAttribute("value") == "True");
        Assert.Equal("Werkt 9 uur per dag aan een laptop.", reloaded.Find("#balance-notes").GetAttribute("value") ?? reloaded.Find("#balance-notes").TextContent);
    }

    [Fact]
    public async Task Notes_longer_than_4000_characters_get_a_message_stay_typed_and_are_not_saved()
    {
        var id = await CreateNoordAssessmentAsync(portal);
        var (workspace, page) = await OpenAsync(id);
        await using var _ = workspace;

        page.Find("#balance-notes").Input(new string('x', 4001));

        page.WaitForAssertion(() => Assert.Contains("te lang", page.Find("#balance-notes-problem").TextContent), TimeSpan.FromSeconds(5));
        Assert.Null((await LoadAsync(portal, id)).BalanceNotes);
    }

    [Fact]
    public async Task A_second_tab_rating_other_muscles_keeps_both_and_each_tab_sees_the_other_after_its_next_save()
    {
        var id = await CreateNoordAssessmentAsync(portal, "neck");
        var (first, tabA) = await OpenAsync(id);
        var (second, tabB) = await OpenAsync(id);
        await using var _ = first;
        await using var __ = second;

        await ChooseAsync(tabA, "tone-upper-trapezius-overactive");
        await ChooseAsync(tabB, "tone-levator-scapulae-overactive");

        var saved = (await LoadAsync(portal, id)).Ratings.Select(r => r.MuscleId).Order().ToList();
        Assert.Equal(["levator-scapulae", "upper-trapezius"], saved);
        Assert.True(tabB.Find("#tone-upper-trapezius-overactive").HasAttribute("checked"));
    }

    [Fact]
    public async Task A_page_left_open_after_completion_elsewhere_saves_nothing_and_shows_why()
    {
        var id = await CreateNoordAssessmentAsync(portal, "neck");
        await StoreUpperCrossedAsync(portal, id);
        var (workspace, page) = await OpenAsync(id);
        await using var _ = workspace;
        await SetCompletedAsync(id);

        page.Find("#tone-upper-trapezius-normal").Change("Normal");

        page.WaitForAssertion(() => Assert.Contains("al afgerond", page.Find("#balance-message").TextContent));
        Assert.True(page.Find("#tone-upper-trapezius-overactive").HasAttribute("checked"));
        Assert.True(page.Find("#tone-upper-trapezius-overactive").HasAttribute("disabled"));
        Assert.Contains((await LoadAsync(portal, id)).Ratings, r => r is { MuscleId: "upper-trapezius", Tone: MuscleTone.Overactive });
    }

    [Fact]
    public async Task A_completed_assessment_is_read_only_with_a_link_to_its_result()
    {
        var id = await CreateNoordAssessmentAsync(portal, "neck");
        await StoreUpperCrossedAsync(portal, id);
        await SetCompletedAsync(id);

        var (workspace, page) = await OpenAsync(id);
        await using var _ = workspace;

        Assert.All(page.FindAll("#region-neck input[type=radio]"), input => Assert.True(input.HasAttribute("disabled")));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Contains("Analyseren"));
        Assert.Contains("afgerond", page.Find("[role=status].mud-alert").TextContent);
        Assert.EndsWith("/resultaat", page.Find(".mud-alert a").GetAttribute("href"));
    }

    [Fact]
    public async Task Analysing_without_any_rating_asks_for_one_and_with_ratings_opens_the_result()
    {
        var id = await CreateNoordAssessmentAsync(portal, "neck");
        var (workspace, page) = await OpenAsync(id);
        await using var _ = workspace;
        var analyse = () => page.FindAll("button").Single(b => b.TextContent.Contains("Analyseren")).Click();

        analyse();

        page.WaitForAssertion(() => Assert.Contains("Beoordeel ten minste één spier", page.Find("#balance-message").TextContent));
        Assert.Null((await LoadAsync(portal, id)).BalanceRecordedAt);

        await ChooseAsync(page, "tone-upper-trapezius-overactive");
        analyse();

        var navigation = workspace.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith(ResultUrl(Patient, id), navigation.Uri));
        Assert.NotNull((await LoadAsync(portal, id)).BalanceRecordedAt);
    }

    private async Task SetCompletedAsync(Guid id)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        var assessment = await db.Assessments.SingleAsync(a => a.Id == id);
        assessment.Status = AssessmentStatus.Completed;
        assessment.CompletedAt = DateTimeOffset.UtcNow;
        assessment.UpdatedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync();
    }
}
