using RugcentrumPortal.Clinical.Analysis;
using RugcentrumPortal.Clinical.Muscles;
using RugcentrumPortal.Clinical.Regions;
using static RugcentrumPortal.Clinical.Tests.TestData;

namespace RugcentrumPortal.Clinical.Tests;

/// <summary>How the analysis weighs Janda's syndromes, sides, complaints, coverage and muscle layers.</summary>
public class ReasoningTests
{
    private readonly BalanceAnalyzer analyzer = new();

    [Fact]
    public void Upper_crossed_outranks_the_narrower_neck_and_shoulder_pattern_it_contains()
    {
        var analysis = analyzer.Analyze(Vignettes.OfficeWorkerNeck);

        Assert.Equal(["upper-crossed", "scapular-to-upper-trapezius"], analysis.Matches.Select(m => m.Pattern.Id).ToArray());
        var upper = analysis.Matches[0];
        var scapular = analysis.Matches[1];
        Assert.Null(upper.PartOf);
        Assert.Equal("upper-crossed", scapular.PartOf?.Id);
        Assert.Equal(["scapular-to-upper-trapezius"], upper.Parts.Select(p => p.Id).ToArray());
        Assert.Contains("Part of Upper crossed syndrome (Janda)", scapular.Explanation.En);
        Assert.Contains("Maakt deel uit van Bovenste gekruist syndroom (Janda)", scapular.Explanation.Nl);
        Assert.Contains("including: Weak mid-back, upper trapezius takes over", analysis.Explanation.En);
    }

    [Fact]
    public void The_janda_syndrome_comes_first_even_when_the_narrower_pattern_fits_better()
    {
        var analysis = analyzer.Analyze(Vignettes.HitchingShoulders);

        var upper = analysis.Matches.Single(m => m.Pattern.Id == "upper-crossed");
        var scapular = analysis.Matches.Single(m => m.Pattern.Id == "scapular-to-upper-trapezius");
        Assert.True(scapular.Fit > upper.Fit);
        Assert.True(scapular.Relevance > upper.Relevance);
        Assert.Equal("upper-crossed", analysis.Matches[0].Pattern.Id);
        Assert.Same(upper.Pattern, scapular.PartOf);
    }

    [Fact]
    public void A_narrower_pattern_stands_alone_when_its_janda_syndrome_is_not_found()
    {
        var analysis = analyzer.Analyze(Vignettes.DeskWorkerGlutes);

        var gluteal = analysis.Matches.Single(m => m.Pattern.Id == "gluteal-to-lumbar");
        Assert.DoesNotContain(analysis.Matches, m => m.Pattern.Id == "lower-crossed");
        Assert.Null(gluteal.PartOf);
        Assert.Equal("gluteal-to-lumbar", analysis.Goals[0].Goals[0].PatternId);
    }

    [Fact]
    public void Layered_syndrome_heads_the_list_and_each_narrower_pattern_follows_the_one_it_is_part_of()
    {
        var analysis = analyzer.Analyze(Vignettes.Layered);

        var ids = analysis.Matches.Select(m => m.Pattern.Id).ToList();
        Assert.Equal("layered", ids[0]);
        Assert.Equal("layered", analysis.Matches.Single(m => m.Pattern.Id == "upper-crossed").PartOf?.Id);
        Assert.Equal("layered", analysis.Matches.Single(m => m.Pattern.Id == "lower-crossed").PartOf?.Id);
        Assert.Equal("lower-crossed", analysis.Matches.Single(m => m.Pattern.Id == "gluteal-to-lumbar").PartOf?.Id);
        Assert.All(analysis.Matches.Where(m => m.PartOf is not null), m => Assert.True(ids.IndexOf(m.PartOf!.Id) < ids.IndexOf(m.Pattern.Id)));
        Assert.All(analysis.Goals, g => Assert.Equal("layered", Assert.Single(g.Goals).PatternId));
    }

    [Fact]
    public void Findings_on_one_side_give_a_one_sided_match_at_full_confidence()
    {
        var analysis = analyzer.Analyze(Vignettes.GlutesAndErectorsLeft);

        var gluteal = analysis.Matches.Single(m => m.Pattern.Id == "gluteal-to-lumbar");
        Assert.Equal(Side.Left, gluteal.Side);
        Assert.Equal(1.0, gluteal.Confidence);
        Assert.False(gluteal.FindingsOnOppositeSides);
        Assert.True(gluteal.Left!.Holds);
        Assert.False(gluteal.Right!.Holds);
        Assert.True(gluteal.IsAsymmetric);
        Assert.Contains("Found on the left only", gluteal.Explanation.En);
        Assert.Contains("Alleen links vastgesteld", gluteal.Explanation.Nl);
    }

    [Fact]
    public void Findings_split_across_sides_cap_confidence_and_weigh_less_than_the_same_findings_on_one_side()
    {
        var sameSide = analyzer.Analyze(Vignettes.GlutesAndErectorsLeft).Patterns.Single(m => m.Pattern.Id == "gluteal-to-lumbar");
        var split = analyzer.Analyze(Vignettes.GlutesLeftErectorsRight).Patterns.Single(m => m.Pattern.Id == "gluteal-to-lumbar");

        Assert.True(split.FindingsOnOppositeSides);
        Assert.False(split.Left!.Holds);
        Assert.False(split.Right!.Holds);
        Assert.Equal(1.0, split.Coverage);
        Assert.Equal(BalanceAnalyzer.OppositeSidesConfidenceCap, split.Confidence);
        Assert.True(split.Confidence < sameSide.Confidence);
        Assert.True(split.Relevance < sameSide.Relevance);
        Assert.Contains("partly on the left and partly on the right", split.Explanation.En);
        Assert.Contains("60%", split.Explanation.Nl);
    }

    [Fact]
    public void A_muscle_rated_differently_left_and_right_is_reported_as_an_asymmetry()
    {
        var analysis = analyzer.Analyze(Vignettes.RunnerKnee);

        var medius = Assert.Single(analysis.Asymmetries);
        Assert.Equal("gluteus-medius", medius.Muscle.Id);
        Assert.Equal(MuscleTone.Underactive, medius.Left.Tone);
        Assert.Equal(MuscleTone.Normal, medius.Right.Tone);
        Assert.Contains("markedly underactive on the left, normal on the right", medius.Explanation.En);
        Assert.Contains("links sterk onderactief, rechts normaal", medius.Explanation.Nl);
        Assert.Contains("1 muscle(s) rated differently on the left and the right", analysis.Explanation.En);
        var knee = analysis.Matches.Single(m => m.Pattern.Id == "hip-to-quadriceps-knee");
        Assert.Equal(Side.Left, knee.Side);
        Assert.True(knee.IsAsymmetric);
    }

    [Fact]
    public void Matching_findings_on_both_sides_give_a_bilateral_match()
    {
        var analysis = analyzer.Analyze(Assess(
        [
            Under("gluteus-maximus", 2, Side.Left), Under("gluteus-maximus", 2, Side.Right),
            Under("gluteus-medius", 3, Side.Left), Under("gluteus-medius", 1, Side.Right),
            Over("lumbar-erector-spinae", 3),
        ]));

        var gluteal = analysis.Matches.Single(m => m.Pattern.Id == "gluteal-to-lumbar");
        Assert.Equal(Side.Both, gluteal.Side);
        Assert.True(gluteal.Left!.Holds && gluteal.Right!.Holds);
        Assert.False(gluteal.FindingsOnOppositeSides);
        Assert.Contains("Found on the left and on the right, each on its own", gluteal.Explanation.En);
        Assert.Equal(["gluteus-medius"], analysis.Asymmetries.Select(a => a.Muscle.Id).ToArray());
    }

    [Fact]
    public void Coverage_of_the_analysis_counts_only_the_patterns_the_ratings_touch()
    {
        var analysis = analyzer.Analyze(Vignettes.PainterShoulder);

        Assert.DoesNotContain("gluteus-maximus", analysis.MissingMuscleIds);
        Assert.Contains("levator-scapulae", analysis.MissingMuscleIds);
        Assert.DoesNotContain(analysis.Patterns, p => p.Pattern.Id == "hip-to-calf");
    }

    [Fact]
    public void Muscles_rated_the_same_on_both_sides_are_no_asymmetry()
    {
        var analysis = analyzer.Analyze(Assess([Over("upper-trapezius", 2, Side.Left), Over("upper-trapezius", 2, Side.Right)]));

        Assert.Empty(analysis.Asymmetries);
    }

    [Fact]
    public void A_complaint_region_never_turns_a_pattern_that_is_not_found_into_a_found_one()
    {
        var without = analyzer.Analyze(Vignettes.BorderlineScapular()).Patterns.Single(m => m.Pattern.Id == "scapular-to-upper-trapezius");
        var with = analyzer.Analyze(Vignettes.BorderlineScapular(Complaint("neck"), Complaint("shoulder", Side.Left), Complaint("upper-back")))
            .Patterns.Single(m => m.Pattern.Id == "scapular-to-upper-trapezius");

        Assert.False(without.IsMatch);
        Assert.False(with.IsMatch);
        Assert.True(with.Score + 0.10 >= BalanceAnalyzer.MatchThreshold, "the vignette must be close enough that a complaint bonus on the score would have tipped it");
        Assert.Equal(without.Score, with.Score);
        Assert.True(with.Relevance > without.Relevance);
        Assert.Contains(with.Supporting, e => e.Kind == EvidenceKind.ComplaintRegion && e.Id == "neck");
        Assert.Contains("do not decide whether it is present", with.Explanation.En);
    }

    [Fact]
    public void A_complaint_on_the_other_side_does_not_raise_a_one_sided_pattern()
    {
        var sameSide = analyzer.Analyze(Vignettes.PainterShoulder).Matches.Single(m => m.Pattern.Id == "rotator-cuff-to-deltoid");
        var otherSide = analyzer.Analyze(Vignettes.PainterShoulder with { Complaints = [Complaint("shoulder", Side.Left)] })
            .Matches.Single(m => m.Pattern.Id == "rotator-cuff-to-deltoid");

        Assert.Equal(Side.Right, sameSide.Side);
        Assert.Contains(sameSide.Supporting, e => e.Kind == EvidenceKind.ComplaintRegion);
        Assert.DoesNotContain(otherSide.Supporting, e => e.Kind == EvidenceKind.ComplaintRegion);
        Assert.True(sameSide.Relevance > otherSide.Relevance);
    }

    [Fact]
    public void Coverage_and_match_are_two_separate_figures()
    {
        var analysis = analyzer.Analyze(Assess([Over("upper-trapezius", 3), Over("levator-scapulae", 3), Under("deep-neck-flexors", 3)]));

        var upper = analysis.Patterns.Single(m => m.Pattern.Id == "upper-crossed");
        Assert.Equal(1.0, upper.Fit);
        Assert.Equal(3 / 8.0, upper.Coverage);
        Assert.False(upper.IsMatch);
        Assert.Contains("Coverage 38%: 3 of 8 key muscles rated", upper.Explanation.En);
        Assert.Contains("Match 100%", upper.Explanation.En);
        Assert.Contains("Dekking 38%", upper.Explanation.Nl);
        Assert.Contains("Overeenkomst 100%", upper.Explanation.Nl);
    }

    [Fact]
    public void The_overall_score_is_the_match_plus_observations_and_is_explained()
    {
        var analysis = analyzer.Analyze(Vignettes.OfficeWorkerNeck);

        var upper = analysis.Matches.Single(m => m.Pattern.Id == "upper-crossed");
        Assert.Equal(Math.Min(1, upper.Fit + 0.10), upper.Score, 6);
        Assert.Equal(1.0, upper.Coverage);
        Assert.Contains("the match plus 10% for fitting observations and movement tests", upper.Explanation.En);
    }

    [Fact]
    public void An_underactive_deep_stabiliser_with_an_overactive_superficial_mover_in_one_region_is_the_core_pattern()
    {
        var analysis = analyzer.Analyze(Vignettes.StressedChestBreather);

        var neck = Assert.Single(analysis.LayerImbalances, l => l.Region.Id == "neck");
        Assert.Equal(Side.Both, neck.Side);
        Assert.Equal(["deep-neck-flexors"], neck.DeepStabilisers.Select(m => m.Id).ToArray());
        Assert.Contains(neck.SuperficialMovers, m => m.Id == "scalenes");
        Assert.Contains("core pattern", neck.Explanation.En);
        Assert.Contains("kernpatroon", neck.Explanation.Nl);
        var pattern = analysis.Matches.Single(m => m.Pattern.Id == "deep-trunk-to-neck");
        Assert.True(pattern.HasLayerImbalance);
        Assert.Contains("At its core: a deep stabiliser does too little", pattern.Explanation.En);
        var flexors = pattern.Supporting.Single(e => e.Id == "deep-neck-flexors");
        Assert.Equal(MuscleLayer.DeepStabiliser, flexors.Layer);
        Assert.Contains("As a deep stabiliser", flexors.Explanation.En);
        Assert.Contains("As a superficial mover", pattern.Supporting.Single(e => e.Id == "scalenes").Explanation.En);
    }

    [Fact]
    public void Deep_and_superficial_findings_on_opposite_sides_are_not_the_core_pattern()
    {
        var split = analyzer.Analyze(Assess([Under("multifidus", 2, Side.Left), Over("lumbar-erector-spinae", 2, Side.Right)]));
        var sameSide = analyzer.Analyze(Assess([Under("multifidus", 2, Side.Left), Over("lumbar-erector-spinae", 2, Side.Left)]));

        Assert.Empty(split.LayerImbalances);
        var lowBack = Assert.Single(sameSide.LayerImbalances);
        Assert.Equal(("low-back", Side.Left), (lowBack.Region.Id, lowBack.Side));
    }
}
