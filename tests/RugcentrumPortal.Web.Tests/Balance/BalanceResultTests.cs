using System.Globalization;
using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Balance;
using RugcentrumPortal.Web.Infrastructure.Time;
using RugcentrumPortal.Web.Tests.Components;
using static RugcentrumPortal.Web.Tests.Balance.BalanceTestData;

namespace RugcentrumPortal.Web.Tests.Balance;

public class BalanceResultTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly CultureInfo Dutch = Web.Infrastructure.Localization.Culture("nl");

    /// <summary>
    /// Sets the Dutch culture in the test's own flow: a culture set inside an awaited helper does not flow back to
    /// the caller, and the date picker reads the culture at render time.
    /// </summary>
    private static void SpeakDutch() => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Dutch;

    private async Task<(WorkspaceContext Workspace, IRenderedComponent<BalanceResult> Page)> OpenAsync(Guid id)
    {
        var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        var page = workspace.RenderPage<BalanceResult>(p => p.Add(r => r.PatientId, Baseline.NoordPatientId).Add(r => r.AssessmentId, id));
        page.WaitForElement("h1");
        return (workspace, page);
    }

    private static void Press(IRenderedComponent<BalanceResult> page, string name) =>
        page.InvokeAsync(() => page.FindAll("button").Single(b => b.GetAttribute("aria-label") == name || b.TextContent.Trim() == name).Click()).Wait();

    private static string Badge(IRenderedComponent<BalanceResult> page, string patternId) =>
        page.Find($"#pattern-{patternId} .review-badge").TextContent;

    [Fact]
    public async Task Result_shows_summary_found_patterns_chains_on_the_diagram_and_goals_per_phase()
    {
        var id = await CreateNoordAssessmentAsync(portal, "neck", "shoulder:left");
        await StoreUpperCrossedAsync(portal, id);
        using var client = await TherapistAsync();

        var page = await client.GetPageAsync(ResultUrl(Baseline.NoordPatientId, id));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Bovenste gekruist syndroom", page.Document.QuerySelector(".analysis-explanation")?.TextContent);
        Assert.Contains("Bovenste gekruist syndroom (Janda)", page.Document.QuerySelector("#pattern-upper-crossed h3")?.TextContent);
        Assert.Contains("Geeft vaak klachten in", page.Document.QuerySelector("#pattern-upper-crossed")?.TextContent);
        Assert.NotEmpty(page.Document.QuerySelectorAll(".chain-item"));
        Assert.NotEmpty(page.Document.QuerySelectorAll("#analysis-body polyline.chain-line"));
        Assert.NotNull(page.Document.QuerySelector("#analysis-body ellipse.is-selected[data-zone='shoulder:left']"));
        Assert.Equal(5, page.Document.QuerySelectorAll(".phase").Length);
        Assert.Equal("Mobiliteit", page.Document.QuerySelector(".phase h3")?.TextContent);
        Assert.Contains("Nog niet beoordeeld", page.Document.QuerySelector("#pattern-upper-crossed .review-badge")?.TextContent);
    }

    [Fact]
    public async Task Accepting_a_pattern_with_a_note_is_stored_shown_and_can_be_changed_to_dismissed()
    {
        var id = await CreateNoordAssessmentAsync(portal);
        await StoreUpperCrossedAsync(portal, id);
        var (workspace, page) = await OpenAsync(id);
        await using var _ = workspace;

        page.Find("#note-upper-crossed").Input("Past bij het beeldschermwerk.");
        Press(page, "Klopt: Bovenste gekruist syndroom (Janda)");

        page.WaitForAssertion(() => Assert.Contains("Klopt volgens therapeut", Badge(page, "upper-crossed")));
        Assert.Contains("Past bij het beeldschermwerk.", page.Find("#pattern-upper-crossed .review-note").TextContent);
        var review = Assert.Single((await LoadAsync(portal, id)).PatternReviews);
        Assert.True(review.Accepted);
        Assert.Equal("upper-crossed", review.PatternId);

        page.Find("#note-upper-crossed").Input("Toch eerder nekhouding.");
        Press(page, "Klopt niet: Bovenste gekruist syndroom (Janda)");

        page.WaitForAssertion(() => Assert.Contains("Klopt niet volgens therapeut", Badge(page, "upper-crossed")));
        var changed = Assert.Single((await LoadAsync(portal, id)).PatternReviews);
        Assert.False(changed.Accepted);
        Assert.Equal("Toch eerder nekhouding.", changed.Note);
    }

    [Fact]
    public async Task Accepting_one_pattern_keeps_the_note_typed_on_another()
    {
        var id = await CreateNoordAssessmentAsync(portal);
        await StoreUpperCrossedAsync(portal, id);
        var (workspace, page) = await OpenAsync(id);
        await using var _ = workspace;
        var part = page.Find("#pattern-upper-crossed .pattern-part").Id!["pattern-".Length..];

        page.Find($"#note-{part}").Input("Schouderblad komt los bij heffen.");
        page.Find("#note-upper-crossed").Input("Past bij het beeldschermwerk.");
        Press(page, "Klopt: Bovenste gekruist syndroom (Janda)");

        page.WaitForAssertion(() => Assert.Contains("Klopt volgens therapeut", Badge(page, "upper-crossed")));
        Assert.Equal("Schouderblad komt los bij heffen.", page.Find($"#note-{part}").GetAttribute("value") ?? page.Find($"#note-{part}").TextContent);
        Assert.Single((await LoadAsync(portal, id)).PatternReviews);

        Press(page, $"Klopt niet: {page.Find($"#pattern-{part}-name").TextContent}");

        var reviews = (await StoredAsync(portal, id, a => a.PatternReviews.Count == 2)).PatternReviews.ToDictionary(r => r.PatternId);
        Assert.Equal("Schouderblad komt los bij heffen.", reviews[part].Note);
        Assert.Equal("Past bij het beeldschermwerk.", reviews["upper-crossed"].Note);
    }

    [Fact]
    public async Task A_review_with_a_too_long_note_keeps_the_note_and_saves_nothing()
    {
        var id = await CreateNoordAssessmentAsync(portal);
        await StoreUpperCrossedAsync(portal, id);
        var (workspace, page) = await OpenAsync(id);
        await using var _ = workspace;

        page.Find("#note-upper-crossed").Input(new string('n', 2001));
        Press(page, "Klopt: Bovenste gekruist syndroom (Janda)");

        page.WaitForAssertion(() => Assert.Contains("te lang", page.Find("#pattern-upper-crossed .review-form .mud-input-helper-text").TextContent));
        Assert.Equal(2001, (page.Find("#note-upper-crossed").GetAttribute("value") ?? page.Find("#note-upper-crossed").TextContent).Length);
        Assert.Contains("Nog niet beoordeeld", Badge(page, "upper-crossed"));
        Assert.Empty((await LoadAsync(portal, id)).PatternReviews);
    }

    [Fact]
    public async Task Completing_sets_the_chosen_reassessment_date_makes_the_page_read_only_and_offers_the_plan_as_next_step()
    {
        SpeakDutch();
        var id = await CreateNoordAssessmentAsync(portal);
        await StoreUpperCrossedAsync(portal, id);
        var (workspace, page) = await OpenAsync(id);
        await using var _ = workspace;
        var today = PracticeToday;
        var due = today.AddDays(30);
        var dueInput = page.Find(".complete-card input");

        Assert.Equal(today.AddDays(42).ToString("d", Dutch), dueInput.GetAttribute("value"));
        Assert.Empty(page.FindAll("#make-plan"));
        dueInput.Change(due.ToString("d", Dutch));
        page.Find(".complete-card form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Afgerond op", page.Find(".result-status").TextContent));
        var saved = await LoadAsync(portal, id);
        Assert.Equal(AssessmentStatus.Completed, saved.Status);
        Assert.NotNull(saved.CompletedAt);
        Assert.Equal(due, saved.ReassessmentDue);
        Assert.Empty(page.FindAll(".complete-card"));
        Assert.Empty(page.FindAll(".review-form"));
        var plan = page.Find("#make-plan");
        Assert.Equal("Plan maken", plan.TextContent.Trim());
        Assert.Equal($"patienten/{Baseline.NoordPatientId}/plan", plan.GetAttribute("href"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(400)]
    public async Task A_reassessment_date_not_after_today_or_beyond_a_year_is_refused(int days)
    {
        SpeakDutch();
        var id = await CreateNoordAssessmentAsync(portal);
        await StoreUpperCrossedAsync(portal, id);
        var (workspace, page) = await OpenAsync(id);
        await using var _ = workspace;
        var due = PracticeToday.AddDays(days).ToString("d", Dutch);

        page.Find(".complete-card input").Change(due);
        page.Find(".complete-card form").Submit();

        page.WaitForAssertion(() => Assert.Contains("na vandaag en binnen een jaar", page.Find(".complete-card").TextContent));
        Assert.Equal(due, page.Find(".complete-card input").GetAttribute("value"));
        Assert.Equal(AssessmentStatus.Draft, (await LoadAsync(portal, id)).Status);
    }

    [Fact]
    public async Task Without_ratings_there_is_nothing_to_analyse_and_no_way_to_complete()
    {
        var id = await CreateNoordAssessmentAsync(portal);
        using var client = await TherapistAsync();

        var page = await client.GetPageAsync(ResultUrl(Baseline.NoordPatientId, id));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("nog geen spieren beoordeeld", page.Text);
        Assert.Null(page.Document.QuerySelector(".complete-card"));
    }

    [Fact]
    public async Task A_form_post_to_either_live_page_changes_nothing()
    {
        var id = await CreateNoordAssessmentAsync(portal);
        await StoreUpperCrossedAsync(portal, id);
        using var client = await TherapistAsync();
        var home = await client.GetPageAsync(ResultUrl(Baseline.NoordPatientId, id));
        var token = home.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";

        foreach (var (url, fields) in new[]
        {
            (FormUrl(Baseline.NoordPatientId, id), new Dictionary<string, string> { ["_handler"] = "balance", ["Input.Tone[upper-trapezius]"] = "Normal" }),
            (ResultUrl(Baseline.NoordPatientId, id), new Dictionary<string, string> { ["_handler"] = "pattern-review", ["Review.Decision"] = "accept:upper-crossed" }),
            (ResultUrl(Baseline.NoordPatientId, id), new Dictionary<string, string> { ["_handler"] = "complete", ["Complete.ReassessmentDue"] = "2030-01-01" }),
        })
        {
            var withoutToken = await client.Http.PostAsync(url, new FormUrlEncodedContent(fields));
            fields["__RequestVerificationToken"] = token;
            var withToken = await client.Http.PostAsync(url, new FormUrlEncodedContent(fields));

            Assert.False(withoutToken.IsSuccessStatusCode);
            Assert.False(withToken.IsSuccessStatusCode);
        }
        var saved = await LoadAsync(portal, id);
        Assert.Contains(saved.Ratings, r => r is { MuscleId: "upper-trapezius", Tone: Clinical.Muscles.MuscleTone.Overactive });
        Assert.Empty(saved.PatternReviews);
        Assert.Equal(AssessmentStatus.Draft, saved.Status);
    }

    /// <summary>The practice's date, which the page counts the re-assessment date from.</summary>
    private DateOnly PracticeToday => portal.Services.GetRequiredService<PracticeClock>().Today;

    private async Task<PortalClient> TherapistAsync()
    {
        var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        return client;
    }
}
