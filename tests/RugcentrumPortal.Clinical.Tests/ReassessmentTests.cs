using RugcentrumPortal.Clinical.Analysis;
using RugcentrumPortal.Clinical.Regions;
using static RugcentrumPortal.Clinical.Tests.TestData;

namespace RugcentrumPortal.Clinical.Tests;

public class ReassessmentTests
{
    private readonly BalanceAnalyzer analyzer = new();

    [Fact]
    public void Reassessment_shows_gluteus_medius_better_and_lower_crossed_weaker()
    {
        var comparison = analyzer.Compare(Vignettes.LowBackLowerCrossed, Vignettes.LowBackSixWeeksLater);

        var medius = comparison.Muscles.Single(m => m.Muscle.Id == "gluteus-medius");
        Assert.Equal(MuscleTrend.Better, medius.Trend);
        Assert.Equal(Side.Both, medius.Side);
        Assert.Contains("better, closer to normal", medius.Explanation.En);
        Assert.Contains("beter, dichter bij normaal", medius.Explanation.Nl);
        Assert.Equal(MuscleTrend.Better, comparison.Muscles.Single(m => m.Muscle.Id == "lumbar-erector-spinae").Trend);
        Assert.Equal(MuscleTrend.Worse, comparison.Muscles.Single(m => m.Muscle.Id == "iliopsoas").Trend);
        Assert.Equal(MuscleTrend.Same, comparison.Muscles.Single(m => m.Muscle.Id == "rectus-femoris").Trend);

        var lower = comparison.Patterns.Single(p => p.Pattern.Id == "lower-crossed");
        Assert.Equal(PatternTrend.Weaker, lower.Trend);
        Assert.True(lower.Before!.Score - lower.After!.Score >= Reassessment.PatternChangeMargin);
        Assert.Contains("Lower crossed syndrome (Janda): weaker", comparison.Explanation.En);
        Assert.Contains("Muscles: 2 better, 5 unchanged, 1 worse", comparison.Explanation.En);
    }

    [Fact]
    public void A_pattern_found_only_later_is_new_and_one_found_only_earlier_is_resolved()
    {
        var onset = analyzer.Compare(Vignettes.NoFindings, Vignettes.OfficeWorkerNeck);
        var recovery = analyzer.Compare(Vignettes.DeskWorkerGlutes, Assess([Normal("gluteus-maximus"), Normal("gluteus-medius"), Normal("lumbar-erector-spinae")]));

        Assert.Equal(PatternTrend.New, onset.Patterns.Single(p => p.Pattern.Id == "upper-crossed").Trend);
        Assert.False(onset.Patterns.Single(p => p.Pattern.Id == "upper-crossed").Before!.IsMatch);
        var gluteal = recovery.Patterns.Single(p => p.Pattern.Id == "gluteal-to-lumbar");
        Assert.Equal(PatternTrend.Resolved, gluteal.Trend);
        Assert.Contains("resolved", gluteal.Explanation.En);
        Assert.All(recovery.Muscles, m => Assert.Equal(MuscleTrend.Better, m.Trend));
    }

    [Fact]
    public void A_pattern_with_about_the_same_score_is_unchanged_and_patterns_never_found_are_left_out()
    {
        var comparison = analyzer.Compare(Vignettes.OfficeWorkerNeck, Vignettes.OfficeWorkerNeck);

        Assert.All(comparison.Patterns, p => Assert.Equal(PatternTrend.Unchanged, p.Trend));
        Assert.All(comparison.Muscles, m => Assert.Equal(MuscleTrend.Same, m.Trend));
        Assert.DoesNotContain(comparison.Patterns, p => p.Pattern.Id == "deep-trunk-to-neck");
    }

    [Fact]
    public void Each_side_is_compared_on_its_own_and_a_rating_for_both_sides_stands_for_each()
    {
        var later = Assess([Under("gluteus-medius", 1, Side.Left), Normal("gluteus-medius", Side.Right), Under("deep-hip-rotators", 2)]);

        var comparison = analyzer.Compare(Vignettes.RunnerKnee, later);

        var medius = comparison.Muscles.Where(m => m.Muscle.Id == "gluteus-medius").ToDictionary(m => m.Side);
        Assert.Equal(MuscleTrend.Better, medius[Side.Left].Trend);
        Assert.Equal(MuscleTrend.Same, medius[Side.Right].Trend);
        var rotators = comparison.Muscles.Where(m => m.Muscle.Id == "deep-hip-rotators").ToDictionary(m => m.Side);
        Assert.Equal(MuscleTrend.Same, rotators[Side.Left].Trend);
        Assert.Equal(MuscleTrend.NotRatedBefore, rotators[Side.Right].Trend);
        Assert.Equal(MuscleTrend.NotRatedNow, comparison.Muscles.Single(m => m.Muscle.Id == "vasti").Trend);
        Assert.Contains("not rated now; nothing to compare", comparison.Muscles.Single(m => m.Muscle.Id == "vasti").Explanation.En);
    }

    [Fact]
    public void A_muscle_that_swings_to_the_opposite_tone_without_coming_closer_to_normal_is_worse()
    {
        var comparison = analyzer.Compare(Assess([Over("upper-trapezius", 2)]), Assess([Under("upper-trapezius", 2)]));

        var change = Assert.Single(comparison.Muscles);
        Assert.Equal(MuscleTrend.Worse, change.Trend);
        Assert.Contains("swung to the other side", change.Explanation.En);
    }

    [Fact]
    public void Comparing_an_invalid_assessment_is_refused()
    {
        var ex = Assert.Throws<ClinicalInputException>(() => analyzer.Compare(Vignettes.OfficeWorkerNeck, Assess([Over("no-such-muscle")])));

        Assert.Equal("later", ex.ParamName);
        Assert.Contains(ex.Errors, e => e.Code == "unknown-muscle");
    }

    [Fact]
    public void The_comparison_is_a_pure_function_of_the_two_analyses()
    {
        var earlier = analyzer.Analyze(Vignettes.LowBackLowerCrossed);
        var later = analyzer.Analyze(Vignettes.LowBackSixWeeksLater);

        var first = Reassessment.Compare(earlier, later);
        var second = Reassessment.Compare(earlier, later);

        Assert.Equal(first.Explanation, second.Explanation);
        Assert.Equal(first.Muscles.Select(m => (m.Muscle.Id, m.Side, m.Trend)), second.Muscles.Select(m => (m.Muscle.Id, m.Side, m.Trend)));
        Assert.All(first.Muscles.Select(m => m.Explanation).Concat(first.Patterns.Select(p => p.Explanation)), t => Assert.NotEqual(t.Nl, t.En));
    }
}
