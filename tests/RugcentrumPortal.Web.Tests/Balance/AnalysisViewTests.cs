using System.Globalization;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using RugcentrumPortal.Clinical.Analysis;
using RugcentrumPortal.Clinical.Muscles;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Balance;

namespace RugcentrumPortal.Web.Tests.Balance;

public class AnalysisViewTests
{
    private static readonly BalanceAnalyzer Analyzer = new();

    private static BalanceAnalysis UpperCrossed(params (string Muscle, MuscleTone Tone)[] changes)
    {
        var ratings = BalanceTestData.UpperCrossedRatings.ToDictionary(r => r.Muscle, r => new MuscleRating(r.Muscle, r.Tone, r.Intensity));
        foreach (var (muscle, tone) in changes)
        {
            ratings[muscle] = new MuscleRating(muscle, tone, 1);
        }
        return Analyzer.Analyze(new Assessment([.. ratings.Values])
        {
            ObservationIds = ["forward-head"],
            Complaints = [new ComplaintRegion("neck")],
        });
    }

    /// <summary>
    /// Renders the view live with MudBlazor and the portal's texts in the given culture; the view needs no database.
    /// Folded panels are opened first, so every part of the reasoning can be checked.
    /// </summary>
    private static Task<IHtmlDocument> RenderAsync(BalanceAnalysis analysis, string culture = "nl", IReadOnlyDictionary<string, PatternVerdict>? reviews = null)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Web.Infrastructure.Localization.Culture(culture);
        try
        {
            using var context = new BunitContext();
            context.JSInterop.Mode = JSRuntimeMode.Loose;
            context.Services.AddLocalization(options => options.ResourcesPath = "Resources");
            context.Services.AddMudServices();
            var view = context.Render<AnalysisView>(p => p
                .Add(v => v.Analysis, analysis)
                .Add(v => v.Reviews, reviews ?? new Dictionary<string, PatternVerdict>())
                .Add(v => v.ComplaintKeys, new[] { "neck" })
                .Add(v => v.EditUrl, "spierbalans"));
            return Task.FromResult(new HtmlParser().ParseDocument($"<html><body>{view.Markup}</body></html>"));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    [Fact]
    public async Task A_found_pattern_lists_the_evidence_for_and_against_with_the_core_explanations()
    {
        var analysis = UpperCrossed(("serratus-anterior", MuscleTone.Normal));

        var html = await RenderAsync(analysis);

        var card = html.QuerySelector("#pattern-upper-crossed")!;
        var match = analysis.Matches.Single(m => m.Pattern.Id == "upper-crossed");
        // The card also holds its narrower parts with their own evidence; the pattern's own evidence comes first.
        var evidence = card.QuerySelector(".evidence-columns")!;
        Assert.Equal(match.Supporting.Select(e => e.Explanation.Nl), evidence.QuerySelectorAll(".evidence-for li").Select(li => li.TextContent));
        Assert.Equal(match.Contradicting.Select(e => e.Explanation.Nl), evidence.QuerySelectorAll(".evidence-against li").Select(li => li.TextContent));
        Assert.Contains("Voorste zaagspier", evidence.QuerySelector(".evidence-against li")?.TextContent);
        Assert.Contains($"Spreekt ertegen ({match.Contradicting.Length})", evidence.QuerySelector(".evidence-against h4")?.TextContent);
        Assert.Equal(match.Explanation.Nl, card.QuerySelector(".pattern-explanation")?.TextContent);
        Assert.Contains("Nek", card.TextContent);
    }

    [Fact]
    public async Task Muscles_that_were_not_rated_are_reported_as_missing_not_guessed()
    {
        var analysis = Analyzer.Analyze(new Assessment(
        [
            new MuscleRating("upper-trapezius", MuscleTone.Overactive, 2),
            new MuscleRating("lower-trapezius", MuscleTone.Underactive, 2),
        ]));

        var html = await RenderAsync(analysis);

        var missing = html.QuerySelector(".missing-muscles")!;
        Assert.Contains("Niet beoordeeld, vergroot de zekerheid", missing.QuerySelector("h3")?.TextContent);
        var names = missing.QuerySelectorAll("li").Select(li => li.TextContent).ToList();
        Assert.Contains("Diepe nekbuigers (o.a. m. longus colli)", names);
        Assert.Contains("Schouderbladheffer (m. levator scapulae)", names);
        Assert.DoesNotContain("Monnikskapspier, bovenste deel", names);
        Assert.Equal("spierbalans", missing.QuerySelector("a")?.GetAttribute("href"));
        Assert.Contains($"({Math.Round(analysis.Confidence * 100)}%)", html.QuerySelector(".analysis-confidence")?.TextContent);
    }

    [Fact]
    public async Task Patterns_considered_but_not_found_are_folded_below_the_found_ones()
    {
        var html = await RenderAsync(UpperCrossed());

        var considered = html.QuerySelector("section.considered")!;
        Assert.DoesNotContain("mud-panel-expanded", considered.QuerySelector(".considered-panel")!.ClassName);
        Assert.NotNull(considered.QuerySelector("#considered-deep-trunk-to-neck"));
        Assert.Null(considered.QuerySelector("#considered-upper-crossed"));
        var order = html.QuerySelectorAll("h2").Select(h => h.Id).ToList();
        Assert.True(order.IndexOf("analysis-found-heading") < order.IndexOf("analysis-considered-heading"));
    }

    [Fact]
    public async Task Loaded_chains_are_ranked_and_at_most_four_are_drawn_on_the_body_diagram()
    {
        var analysis = UpperCrossed();

        var html = await RenderAsync(analysis);

        var drawn = Math.Min(4, analysis.Chains.Length);
        Assert.Equal(analysis.Chains.Take(drawn).Select(c => c.Chain.Name.Nl), html.QuerySelectorAll(".chain-legend li").Select(li => li.TextContent));
        Assert.Equal(drawn, html.QuerySelectorAll("figure:first-child polyline.chain-line").Length);
        Assert.Contains(analysis.Chains[0].Chain.Name.Nl, html.QuerySelector(".chain-item h3")?.TextContent);
        Assert.NotNull(html.QuerySelector("ellipse.is-selected[data-zone='neck']"));
    }

    [Fact]
    public async Task Goals_follow_the_five_phases_in_order()
    {
        var analysis = UpperCrossed();

        var html = await RenderAsync(analysis);

        Assert.Equal(["Mobiliteit", "Activatie van de diepe spieren", "Stabiliteit en controle", "Gerichte kracht", "Bewust bewegen in het dagelijks leven"],
            html.QuerySelectorAll(".phase h3").Select(h => h.TextContent));
        Assert.Equal(analysis.Goals[0].Goals.Length, html.QuerySelectorAll(".phase:first-child li").Length);
    }

    [Fact]
    public async Task A_review_shows_its_verdict_and_note_and_without_a_review_form_nothing_can_be_posted()
    {
        var reviews = new Dictionary<string, PatternVerdict>
        {
            ["upper-crossed"] = new(Accepted: false, Note: "Eerder een schouderprobleem."),
        };

        var html = await RenderAsync(UpperCrossed(), reviews: reviews);

        var card = html.QuerySelector("#pattern-upper-crossed")!;
        Assert.Contains("Klopt niet volgens therapeut", card.QuerySelector(".review-badge")?.TextContent);
        Assert.Contains("Eerder een schouderprobleem.", card.QuerySelector(".review-note")?.TextContent);
        Assert.Null(html.QuerySelector("textarea, button"));
    }

    [Fact]
    public async Task An_analysis_without_a_pattern_says_so()
    {
        var analysis = Analyzer.Analyze(new Assessment([new MuscleRating("upper-trapezius", MuscleTone.Normal)]));

        var html = await RenderAsync(analysis);

        Assert.Contains("geen compensatiepatroon vastgesteld", html.QuerySelector(".empty-state")?.TextContent);
        Assert.Empty(html.QuerySelectorAll(".pattern-card"));
    }

    [Fact]
    public async Task The_view_speaks_english_when_asked_clinical_texts_included()
    {
        var analysis = UpperCrossed(("serratus-anterior", MuscleTone.Normal));

        var html = await RenderAsync(analysis, "en");

        var card = html.QuerySelector("#pattern-upper-crossed")!;
        Assert.Equal("Upper crossed syndrome (Janda)", card.QuerySelector("h3")?.TextContent);
        Assert.StartsWith("For (", card.QuerySelector(".evidence-for h4")?.TextContent.Trim());
        Assert.Contains("was rated normal", card.QuerySelector(".evidence-against li")?.TextContent);
        Assert.Equal(analysis.Explanation.En, html.QuerySelector(".analysis-explanation")?.TextContent);
        Assert.Equal("Goals per phase", html.QuerySelector("#analysis-goals-heading")?.TextContent);
        Assert.Equal("Mobility", html.QuerySelector(".phase h3")?.TextContent);
        Assert.Contains("Not reviewed yet", card.QuerySelector(".review-badge")?.TextContent);
    }

    private static string Percent(double fraction) => $"{Math.Round(fraction * 100)}%";

    [Fact]
    public async Task A_found_pattern_names_its_fit_and_its_coverage_as_two_figures_and_says_how_the_overall_is_made()
    {
        var analysis = UpperCrossed(("serratus-anterior", MuscleTone.Normal));

        var html = await RenderAsync(analysis);

        var card = html.QuerySelector("#pattern-upper-crossed")!;
        var match = analysis.Matches.Single(m => m.Pattern.Id == "upper-crossed");
        var figures = card.QuerySelector(".pattern-figures")!;
        Assert.Equal(["Totaal", "Passend bij de beoordelingen", "Beoordeeld van dit patroon", "Zijde"], figures.QuerySelectorAll("dt").Select(dt => dt.TextContent));
        Assert.Equal(Percent(match.Fit), figures.QuerySelector(".pattern-fit")?.TextContent);
        Assert.Equal(Percent(match.Coverage), figures.QuerySelector(".pattern-coverage")?.TextContent);
        Assert.Contains($"({Percent(match.Score)})", figures.QuerySelector(".pattern-overall")?.TextContent);
        Assert.Equal("beide zijden", figures.QuerySelector(".pattern-side")?.TextContent);
        Assert.StartsWith("Het totaal is de mate van passen", card.QuerySelector(".pattern-score-how")?.TextContent);
    }

    [Fact]
    public async Task A_narrower_found_pattern_is_shown_inside_the_broader_one_it_is_part_of()
    {
        var analysis = UpperCrossed();
        var part = analysis.Matches.First(m => m.PartOf?.Id == "upper-crossed");

        var html = await RenderAsync(analysis);

        var nested = html.QuerySelector($"#pattern-upper-crossed .pattern-parts > li#pattern-{part.Pattern.Id}");
        Assert.NotNull(nested);
        Assert.Equal(part.Pattern.Name.Nl, nested.QuerySelector("h4")?.TextContent);
        Assert.Equal("onderdeel van Bovenste gekruist syndroom (Janda)", nested.QuerySelector(".part-of")?.TextContent.Trim());
        Assert.NotNull(nested.QuerySelector(".pattern-fit"));
        Assert.Equal(analysis.Matches.Count(m => m.PartOf is null), html.QuerySelectorAll("article.pattern-card").Length);
    }

    [Fact]
    public async Task A_muscle_rated_differently_left_and_right_is_listed_as_an_asymmetry()
    {
        var analysis = Analyzer.Analyze(new Assessment(
        [
            new MuscleRating("upper-trapezius", MuscleTone.Overactive, 2, Side.Left),
            new MuscleRating("upper-trapezius", MuscleTone.Normal, 1, Side.Right),
        ]));

        var html = await RenderAsync(analysis);

        Assert.Equal("Verschil tussen links en rechts", html.QuerySelector("#analysis-asymmetries-heading")?.TextContent);
        Assert.Equal(analysis.Asymmetries.Select(a => a.Explanation.Nl), html.QuerySelectorAll(".asymmetry-list li").Select(li => li.TextContent));
        Assert.Contains("Monnikskapspier, bovenste deel", html.QuerySelector(".asymmetry-list li")?.TextContent);
    }

    [Fact]
    public async Task Deep_versus_superficial_imbalances_are_listed_and_sections_without_content_are_left_out()
    {
        var analysis = UpperCrossed();

        var html = await RenderAsync(analysis);

        Assert.NotEmpty(analysis.LayerImbalances);
        Assert.Equal(analysis.LayerImbalances.Select(l => l.Explanation.Nl), html.QuerySelectorAll(".layer-list li").Select(li => li.TextContent));
        Assert.Empty(analysis.Asymmetries);
        Assert.Null(html.QuerySelector("#analysis-asymmetries-heading"));
    }

    [Fact]
    public async Task The_figures_and_the_parts_speak_english_when_english_is_chosen()
    {
        var analysis = UpperCrossed();
        var part = analysis.Matches.First(m => m.PartOf?.Id == "upper-crossed");

        var html = await RenderAsync(analysis, "en");

        var figures = html.QuerySelector("#pattern-upper-crossed .pattern-figures")!;
        Assert.Equal(["Overall", "Fit with the ratings", "Rated of this pattern", "Side"], figures.QuerySelectorAll("dt").Select(dt => dt.TextContent));
        Assert.Equal("both sides", figures.QuerySelector(".pattern-side")?.TextContent);
        Assert.StartsWith("The overall figure is the fit", html.QuerySelector("#pattern-upper-crossed .pattern-score-how")?.TextContent);
        Assert.Equal("part of Upper crossed syndrome (Janda)", html.QuerySelector($"#pattern-{part.Pattern.Id} .part-of")?.TextContent.Trim());
        Assert.Equal("Deep stabilisers versus superficial movers", html.QuerySelector("#analysis-layers-heading")?.TextContent);
    }

    [Fact]
    public async Task Left_and_right_are_shown_each_on_their_own_with_the_asymmetry_the_core_reports()
    {
        var ratings = BalanceTestData.UpperCrossedRatings.Select(r => new MuscleRating(r.Muscle, r.Tone, r.Intensity, Side.Left)).ToList();
        ratings.AddRange(BalanceTestData.UpperCrossedRatings.Select(r => new MuscleRating(r.Muscle, MuscleTone.Normal, 1, Side.Right)));
        var analysis = Analyzer.Analyze(new Assessment(ratings.Where(r => Clinical.Catalog.ClinicalCatalog.Default.MusclesById[r.MuscleId].HasSides).ToList()));

        var document = await RenderAsync(analysis);

        Assert.NotEmpty(analysis.Asymmetries);
        Assert.Contains(analysis.Asymmetries[0].Explanation.Nl, document.Body!.TextContent);
        var pattern = analysis.Patterns.First(p => p.Left is not null && p.Right is not null);
        var fits = document.QuerySelectorAll(".side-fit").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains(fits, f => f.StartsWith("Links: ", StringComparison.Ordinal) && f.Contains("passend", StringComparison.Ordinal));
        Assert.Contains(fits, f => f.StartsWith("Rechts: ", StringComparison.Ordinal));
        Assert.True(pattern.IsAsymmetric);
    }
}
