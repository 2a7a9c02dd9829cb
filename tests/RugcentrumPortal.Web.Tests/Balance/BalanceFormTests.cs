using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Clinical.Muscles;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Data;
using static RugcentrumPortal.Web.Tests.Balance.BalanceTestData;

namespace RugcentrumPortal.Web.Tests.Balance;

public class BalanceFormTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Form_lists_every_muscle_by_region_with_not_rated_chosen()
    {
        var id = await CreateNoordAssessmentAsync(portal);
        using var client = await TherapistAsync();

        var page = await client.GetPageAsync(FormUrl(Baseline.NoordPatientId, id));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(48, page.Document.QuerySelectorAll("fieldset.muscle-row").Length);
        Assert.Equal("Nek", page.Document.QuerySelector("#region-neck summary h3")?.TextContent);
        Assert.NotNull(page.Document.QuerySelector("#row-upper-trapezius input[name='Input.Tone[upper-trapezius]'][value='']:checked"));
        Assert.Contains("diep", page.Document.QuerySelector("#row-deep-neck-flexors legend")?.TextContent);
        Assert.Null(page.Document.QuerySelector("#row-deep-neck-flexors .side-group"));
        Assert.NotNull(page.Document.QuerySelector("#row-upper-trapezius .side-group"));
        Assert.NotNull(page.Document.QuerySelector("input[name='Input.Observations'][value='forward-head']"));
    }

    [Fact]
    public async Task A_saved_draft_comes_back_exactly_and_a_second_save_replaces_the_ratings()
    {
        var id = await CreateNoordAssessmentAsync(portal);
        using var client = await TherapistAsync();
        var form = await client.GetPageAsync(FormUrl(Baseline.NoordPatientId, id));
        var values = UpperCrossedForm();
        values["Input.Side[upper-trapezius]"] = "Left";
        values["Input.Notes"] = "Werkt 9 uur per dag aan een laptop.";

        var page = await client.SubmitAndFollowAsync(form, BalanceForm, values, "Input.Action", "draft");

        Assert.Equal(FormUrl(Baseline.NoordPatientId, id), page.Url.AbsolutePath);
        Assert.Contains("Concept opgeslagen", page.Text);
        Assert.NotNull(page.Document.QuerySelector("#tone-upper-trapezius-overactive:checked"));
        Assert.NotNull(page.Document.QuerySelector("#intensity-upper-trapezius-3:checked"));
        Assert.NotNull(page.Document.QuerySelector("#side-upper-trapezius-left:checked"));
        Assert.NotNull(page.Document.QuerySelector("#tone-serratus-anterior-underactive:checked"));
        Assert.NotNull(page.Document.QuerySelector("#observation-forward-head:checked"));
        Assert.Equal("Werkt 9 uur per dag aan een laptop.", page.Document.QuerySelector<IHtmlTextAreaElement>("#balance-notes")?.Value);
        var saved = await LoadAsync(portal, id);
        Assert.Equal(8, saved.Ratings.Count);
        Assert.Contains(saved.Ratings, r => r is { MuscleId: "upper-trapezius", Tone: MuscleTone.Overactive, Intensity: 3, Side: Side.Left });
        Assert.Equal(["forward-head"], saved.Observations);
        Assert.Equal(AssessmentStatus.Draft, saved.Status);

        var again = await client.SubmitAndFollowAsync(page, BalanceForm, new() { ["Input.Tone[serratus-anterior]"] = "" }, "Input.Action", "draft");

        Assert.NotNull(again.Document.QuerySelector("#tone-serratus-anterior-none:checked"));
        var replaced = await LoadAsync(portal, id);
        Assert.Equal(7, replaced.Ratings.Count);
        Assert.DoesNotContain(replaced.Ratings, r => r.MuscleId == "serratus-anterior");
        Assert.Contains(replaced.Ratings, r => r is { MuscleId: "upper-trapezius", Side: Side.Left });
    }

    [Fact]
    public async Task Analysing_the_upper_crossed_vignette_ends_on_the_result_page_with_the_pattern_and_its_evidence()
    {
        var id = await CreateNoordAssessmentAsync(portal, "neck");
        using var client = await TherapistAsync();
        var form = await client.GetPageAsync(FormUrl(Baseline.NoordPatientId, id));

        var page = await client.SubmitAndFollowAsync(form, BalanceForm, UpperCrossedForm(), "Input.Action", "analyse");

        Assert.Equal(ResultUrl(Baseline.NoordPatientId, id), page.Url.AbsolutePath);
        var card = page.Document.QuerySelector("#pattern-upper-crossed");
        Assert.NotNull(card);
        Assert.Contains("Diepe rompspieren uit", page.Document.QuerySelector(".considered")?.TextContent);
        var supporting = card!.QuerySelectorAll(".evidence-for li").Select(li => li.TextContent).ToList();
        Assert.Contains(supporting, text => text.Contains("Monnikskapspier, bovenste deel") && text.Contains("overactief"));
        Assert.Contains(supporting, text => text.Contains("Hoofd staat naar voren"));
        Assert.Contains(supporting, text => text.Contains("Klachtengebied Nek"));
        Assert.NotNull(card.QuerySelector(".evidence-against"));
        var saved = await LoadAsync(portal, id);
        Assert.Equal(8, saved.Ratings.Count);
        Assert.NotNull(saved.BalanceRecordedAt);
    }

    [Fact]
    public async Task An_unknown_muscle_id_is_refused_with_a_message_and_the_other_values_stay()
    {
        var id = await CreateNoordAssessmentAsync(portal);
        using var client = await TherapistAsync();
        var form = await client.GetPageAsync(FormUrl(Baseline.NoordPatientId, id));
        var values = UpperCrossedForm();
        values["Input.Tone[kuitspier-verzonnen]"] = "Overactive";
        values["Input.Notes"] = "Blijft staan";

        var response = await client.SubmitAsync(form, BalanceForm, values, "Input.Action", "analyse");
        var page = await client.FollowAsync(response);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(FormUrl(Baseline.NoordPatientId, id), page.Url.AbsolutePath);
        Assert.Contains("Onbekende spier \"kuitspier-verzonnen\"", page.Document.QuerySelector("#balance-problems")?.TextContent);
        Assert.NotNull(page.Document.QuerySelector("#tone-upper-trapezius-overactive:checked"));
        Assert.NotNull(page.Document.QuerySelector("#intensity-upper-trapezius-3:checked"));
        Assert.NotNull(page.Document.QuerySelector("#observation-forward-head:checked"));
        Assert.Equal("Blijft staan", page.Document.QuerySelector<IHtmlTextAreaElement>("#balance-notes")?.Value);
        Assert.Empty((await LoadAsync(portal, id)).Ratings);
    }

    [Theory]
    [InlineData("7")]
    [InlineData("0")]
    [InlineData("veel")]
    public async Task An_intensity_out_of_range_gets_a_message_at_the_muscle_and_nothing_is_saved(string intensity)
    {
        var id = await CreateNoordAssessmentAsync(portal);
        using var client = await TherapistAsync();
        var form = await client.GetPageAsync(FormUrl(Baseline.NoordPatientId, id));
        var values = UpperCrossedForm();
        values["Input.Intensity[levator-scapulae]"] = intensity;

        var page = await client.SubmitAndFollowAsync(form, BalanceForm, values, "Input.Action", "draft");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Kies een intensiteit van 1 tot 3", page.Document.QuerySelector("#row-levator-scapulae .validation-message")?.TextContent);
        Assert.Equal("problem-levator-scapulae", page.Document.QuerySelector("#row-levator-scapulae")?.GetAttribute("aria-describedby"));
        Assert.NotNull(page.Document.QuerySelector("#tone-levator-scapulae-overactive:checked"));
        Assert.NotNull(page.Document.QuerySelector("#tone-upper-trapezius-overactive:checked"));
        Assert.Null(page.Document.QuerySelector("#row-upper-trapezius .validation-message"));
        Assert.Empty((await LoadAsync(portal, id)).Ratings);
    }

    [Theory]
    [InlineData("Input.Tone[upper-trapezius]", "Hyperactief", "#row-upper-trapezius", "Kies overactief, normaal")]
    [InlineData("Input.Side[upper-trapezius]", "Midden", "#row-upper-trapezius", "Kies beide, links of rechts")]
    [InlineData("Input.Side[deep-neck-flexors]", "Left", "#row-deep-neck-flexors", "niet per zijde")]
    [InlineData("Input.Observations", "zweven", "#balance-problems", "Onbekende waarneming")]
    public async Task Tampered_values_get_a_clear_message_never_an_error_page(string field, string value, string where, string message)
    {
        var id = await CreateNoordAssessmentAsync(portal);
        using var client = await TherapistAsync();
        var form = await client.GetPageAsync(FormUrl(Baseline.NoordPatientId, id));
        var values = UpperCrossedForm();
        values[field] = value;

        var page = await client.SubmitAndFollowAsync(form, BalanceForm, values, "Input.Action", "analyse");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.Document.QuerySelector(where)?.TextContent);
        Assert.Empty((await LoadAsync(portal, id)).Ratings);
    }

    [Fact]
    public async Task Analysing_without_any_rating_asks_for_one_and_a_draft_without_ratings_is_fine()
    {
        var id = await CreateNoordAssessmentAsync(portal);
        using var client = await TherapistAsync();
        var form = await client.GetPageAsync(FormUrl(Baseline.NoordPatientId, id));

        var page = await client.SubmitAndFollowAsync(form, BalanceForm, new() { ["Input.Notes"] = "Alleen een notitie" }, "Input.Action", "analyse");

        Assert.Contains("Beoordeel ten minste één spier", page.Document.QuerySelector("#balance-problems")?.TextContent);
        Assert.Null((await LoadAsync(portal, id)).BalanceNotes);

        var draft = await client.SubmitAndFollowAsync(page, BalanceForm, [], "Input.Action", "draft");

        Assert.Contains("Concept opgeslagen", draft.Text);
        Assert.Equal("Alleen een notitie", (await LoadAsync(portal, id)).BalanceNotes);
    }

    [Fact]
    public async Task Notes_longer_than_4000_characters_are_refused_and_kept()
    {
        var id = await CreateNoordAssessmentAsync(portal);
        using var client = await TherapistAsync();
        var form = await client.GetPageAsync(FormUrl(Baseline.NoordPatientId, id));
        var values = UpperCrossedForm();
        values["Input.Notes"] = new string('x', 4001);

        var page = await client.SubmitAndFollowAsync(form, BalanceForm, values, "Input.Action", "draft");

        Assert.Contains("te lang", page.Document.QuerySelector("#balance-notes")?.ParentElement?.QuerySelector(".validation-message")?.TextContent);
        Assert.Equal(4001, page.Document.QuerySelector<IHtmlTextAreaElement>("#balance-notes")?.Value.Length);
        Assert.Empty((await LoadAsync(portal, id)).Ratings);
    }

    [Fact]
    public async Task A_completed_assessment_is_read_only_and_refuses_a_post()
    {
        var id = await CreateNoordAssessmentAsync(portal);
        await StoreUpperCrossedAsync(portal, id);
        using var client = await TherapistAsync();
        var form = await client.GetPageAsync(FormUrl(Baseline.NoordPatientId, id));
        await SetStatusAsync(id, AssessmentStatus.Completed);
        var completed = await client.GetPageAsync(FormUrl(Baseline.NoordPatientId, id));

        var page = await client.SubmitAndFollowAsync(form, BalanceForm, new() { ["Input.Tone[upper-trapezius]"] = "Normal" }, "Input.Action", "draft");

        Assert.NotNull(completed.Document.QuerySelector("fieldset.balance-fields[disabled]"));
        Assert.Null(completed.Document.QuerySelector("button[value=draft]"));
        Assert.Contains("al afgerond", page.Document.QuerySelector("[role=alert]")?.TextContent);
        Assert.NotNull(page.Document.QuerySelector("#tone-upper-trapezius-overactive:checked"));
        Assert.Contains((await LoadAsync(portal, id)).Ratings, r => r is { MuscleId: "upper-trapezius", Tone: MuscleTone.Overactive });
    }

    [Fact]
    public async Task A_post_without_antiforgery_token_is_refused_and_saves_nothing()
    {
        var id = await CreateNoordAssessmentAsync(portal);
        using var client = await TherapistAsync();
        var form = await client.GetPageAsync(FormUrl(Baseline.NoordPatientId, id));
        var values = UpperCrossedForm();
        values["__RequestVerificationToken"] = null;

        var response = await client.SubmitAsync(form, BalanceForm, values, "Input.Action", "draft");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await LoadAsync(portal, id)).Ratings);
    }

    private async Task<PortalClient> TherapistAsync()
    {
        var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        return client;
    }

    private async Task SetStatusAsync(Guid id, AssessmentStatus status)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        var assessment = await db.Assessments.SingleAsync(a => a.Id == id);
        assessment.Status = status;
        assessment.CompletedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync();
    }
}
