using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Infrastructure.Time;
using static RugcentrumPortal.Web.Tests.Balance.BalanceTestData;

namespace RugcentrumPortal.Web.Tests.Balance;

public class BalanceResultTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string UpperCrossedReview = "form:has(button[value='accept:upper-crossed'])";
    private const string CompleteForm = "form:has(#reassessment-due)";

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
        using var client = await TherapistAsync();
        var result = await client.GetPageAsync(ResultUrl(Baseline.NoordPatientId, id));

        var accepted = await client.SubmitAndFollowAsync(result, UpperCrossedReview, new() { ["Review.Notes[upper-crossed]"] = "Past bij het beeldschermwerk." }, "Review.Decision", "accept:upper-crossed");

        Assert.Equal(ResultUrl(Baseline.NoordPatientId, id), accepted.Url.AbsolutePath);
        Assert.Contains("Klopt volgens therapeut", accepted.Document.QuerySelector("#pattern-upper-crossed .review-badge")?.TextContent);
        Assert.Contains("Past bij het beeldschermwerk.", accepted.Document.QuerySelector("#pattern-upper-crossed .review-note")?.TextContent);
        var review = Assert.Single((await LoadAsync(portal, id)).PatternReviews);
        Assert.True(review.Accepted);
        Assert.Equal("upper-crossed", review.PatternId);

        var dismissed = await client.SubmitAndFollowAsync(accepted, UpperCrossedReview, new() { ["Review.Notes[upper-crossed]"] = "Toch eerder nekhouding." }, "Review.Decision", "dismiss:upper-crossed");

        Assert.Contains("Klopt niet volgens therapeut", dismissed.Document.QuerySelector("#pattern-upper-crossed .review-badge")?.TextContent);
        var changed = Assert.Single((await LoadAsync(portal, id)).PatternReviews);
        Assert.False(changed.Accepted);
        Assert.Equal("Toch eerder nekhouding.", changed.Note);
    }

    [Fact]
    public async Task A_review_with_a_too_long_note_or_no_decision_keeps_the_note_and_saves_nothing()
    {
        var id = await CreateNoordAssessmentAsync(portal);
        await StoreUpperCrossedAsync(portal, id);
        using var client = await TherapistAsync();
        var result = await client.GetPageAsync(ResultUrl(Baseline.NoordPatientId, id));

        var tooLong = await client.SubmitAndFollowAsync(result, UpperCrossedReview, new() { ["Review.Notes[upper-crossed]"] = new string('n', 2001) }, "Review.Decision", "accept:upper-crossed");
        var undecided = await client.SubmitAndFollowAsync(result, UpperCrossedReview, new() { ["Review.Notes[upper-crossed]"] = "Twijfel" }, "Review.Decision", "misschien:upper-crossed");

        Assert.Contains("te lang", tooLong.Document.QuerySelector("#note-upper-crossed-problem")?.TextContent);
        Assert.Equal(2001, tooLong.Document.QuerySelector<IHtmlTextAreaElement>("#note-upper-crossed")?.Value.Length);
        Assert.Contains("Kies \"klopt\" of \"klopt niet\"", undecided.Document.QuerySelector("#note-upper-crossed-problem")?.TextContent);
        Assert.Equal("Twijfel", undecided.Document.QuerySelector<IHtmlTextAreaElement>("#note-upper-crossed")?.Value);
        Assert.Empty((await LoadAsync(portal, id)).PatternReviews);
    }

    [Fact]
    public async Task A_review_for_a_pattern_that_was_not_found_is_refused()
    {
        var id = await CreateNoordAssessmentAsync(portal);
        await StoreUpperCrossedAsync(portal, id);
        using var client = await TherapistAsync();
        var result = await client.GetPageAsync(ResultUrl(Baseline.NoordPatientId, id));

        var page = await client.SubmitAndFollowAsync(result, UpperCrossedReview, [], "Review.Decision", "accept:lower-crossed");

        Assert.Contains("hoort niet bij de gevonden patronen", page.Document.QuerySelector("[role=alert]")?.TextContent);
        Assert.Empty((await LoadAsync(portal, id)).PatternReviews);
    }

    [Fact]
    public async Task Completing_sets_status_date_and_chosen_reassessment_date_and_then_the_page_is_read_only()
    {
        var id = await CreateNoordAssessmentAsync(portal);
        await StoreUpperCrossedAsync(portal, id);
        using var client = await TherapistAsync();
        var result = await client.GetPageAsync(ResultUrl(Baseline.NoordPatientId, id));
        var today = PracticeToday;
        var due = today.AddDays(30);

        var defaultDue = result.Document.QuerySelector<IHtmlInputElement>("#reassessment-due")?.Value;
        var page = await client.SubmitAndFollowAsync(result, CompleteForm, new() { ["Complete.ReassessmentDue"] = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });

        Assert.Equal(today.AddDays(42).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), defaultDue);
        var saved = await LoadAsync(portal, id);
        Assert.Equal(AssessmentStatus.Completed, saved.Status);
        Assert.NotNull(saved.CompletedAt);
        Assert.Equal(due, saved.ReassessmentDue);
        Assert.Contains("Afgerond op", page.Document.QuerySelector(".result-status")?.TextContent);
        Assert.Null(page.Document.QuerySelector(CompleteForm));
        Assert.Null(page.Document.QuerySelector(UpperCrossedReview));

        var lateReview = await client.SubmitAndFollowAsync(result, UpperCrossedReview, [], "Review.Decision", "accept:upper-crossed");

        Assert.Contains("al afgerond", lateReview.Document.QuerySelector("[role=alert]")?.TextContent);
        Assert.Empty((await LoadAsync(portal, id)).PatternReviews);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(400)]
    public async Task A_reassessment_date_not_after_today_or_beyond_a_year_is_refused(int days)
    {
        var id = await CreateNoordAssessmentAsync(portal);
        await StoreUpperCrossedAsync(portal, id);
        using var client = await TherapistAsync();
        var result = await client.GetPageAsync(ResultUrl(Baseline.NoordPatientId, id));
        var due = PracticeToday.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var page = await client.SubmitAndFollowAsync(result, CompleteForm, new() { ["Complete.ReassessmentDue"] = due });

        Assert.Contains("na vandaag en binnen een jaar", page.Document.QuerySelector("#reassessment-due")?.ParentElement?.QuerySelector(".validation-message")?.TextContent);
        Assert.Equal(due, page.Document.QuerySelector<IHtmlInputElement>("#reassessment-due")?.Value);
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
        Assert.Null(page.Document.QuerySelector(CompleteForm));
    }

    [Fact]
    public async Task A_post_without_antiforgery_token_is_refused()
    {
        var id = await CreateNoordAssessmentAsync(portal);
        await StoreUpperCrossedAsync(portal, id);
        using var client = await TherapistAsync();
        var result = await client.GetPageAsync(ResultUrl(Baseline.NoordPatientId, id));

        var review = await client.SubmitAsync(result, UpperCrossedReview, new() { ["__RequestVerificationToken"] = null }, "Review.Decision", "accept:upper-crossed");
        var complete = await client.SubmitAsync(result, CompleteForm, new() { ["__RequestVerificationToken"] = null });

        Assert.Equal(HttpStatusCode.BadRequest, review.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, complete.StatusCode);
        var saved = await LoadAsync(portal, id);
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
