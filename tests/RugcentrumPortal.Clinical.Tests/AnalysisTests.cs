using RugcentrumPortal.Clinical.Analysis;
using RugcentrumPortal.Clinical.Muscles;
using RugcentrumPortal.Clinical.Patterns;
using RugcentrumPortal.Clinical.Regions;
using static RugcentrumPortal.Clinical.Tests.TestData;

namespace RugcentrumPortal.Clinical.Tests;

public class AnalysisTests
{
    private readonly BalanceAnalyzer analyzer = new();

    public static TheoryData<string, Assessment, string> VignettesWithTheirPattern => new()
    {
        { "office worker, neck pain, upper-crossed findings", Vignettes.OfficeWorkerNeck, "upper-crossed" },
        { "office worker, neck pain, upper-crossed findings", Vignettes.OfficeWorkerNeck, "scapular-to-upper-trapezius" },
        { "runner, knee irritation, weak hip stabilisers", Vignettes.RunnerKnee, "hip-to-quadriceps-knee" },
        { "warehouse worker, low back pain, lower-crossed findings", Vignettes.LowBackLowerCrossed, "lower-crossed" },
        { "long-standing neck and back pain, both crossed syndromes", Vignettes.Layered, "layered" },
        { "house painter, shoulder pain lifting the arm", Vignettes.PainterShoulder, "rotator-cuff-to-deltoid" },
        { "hiker, calf and ankle complaints", Vignettes.WalkerCalf, "hip-to-calf" },
        { "stressed patient, chest breathing, neck tension", Vignettes.StressedChestBreather, "deep-trunk-to-neck" },
        { "desk worker, buttocks switched off", Vignettes.DeskWorkerGlutes, "gluteal-to-lumbar" },
    };

    [Theory]
    [MemberData(nameof(VignettesWithTheirPattern))]
    public void Vignette_matches_its_expected_pattern(string vignette, Assessment assessment, string patternId)
    {
        var analysis = analyzer.Analyze(assessment);

        var match = Assert.Single(analysis.Matches, m => m.Pattern.Id == patternId);
        Assert.True(match.Score >= BalanceAnalyzer.MatchThreshold, vignette);
        Assert.NotEmpty(match.Supporting);
    }

    [Fact]
    public void Office_worker_with_upper_crossed_findings_matches_upper_crossed_pattern()
    {
        var analysis = analyzer.Analyze(Vignettes.OfficeWorkerNeck);

        var upper = analysis.Matches.Single(m => m.Pattern.Id == "upper-crossed");
        Assert.Equal(1.0, upper.Confidence);
        Assert.Contains(upper.Supporting, e => e.Kind == EvidenceKind.Rating && e.Id == "upper-trapezius" && e.Rating!.Intensity == 3);
        Assert.Contains(upper.Supporting, e => e.Kind == EvidenceKind.Observation && e.Id == "forward-head");
        Assert.Contains(upper.Supporting, e => e.Kind == EvidenceKind.ComplaintRegion && e.Id == "neck");
        var against = Assert.Single(upper.Contradicting);
        Assert.Equal("serratus-anterior", against.Id);
        Assert.Equal(MuscleTone.Normal, against.Rating!.Tone);
        Assert.DoesNotContain(analysis.Matches, m => m.Pattern.Id is "lower-crossed" or "layered");
    }

    [Fact]
    public void Runner_with_weak_left_hip_reports_the_side_of_each_finding()
    {
        var analysis = analyzer.Analyze(Vignettes.RunnerKnee);

        var knee = analysis.Matches.Single(m => m.Pattern.Id == "hip-to-quadriceps-knee");
        var medius = knee.Supporting.Single(e => e.Id == "gluteus-medius");
        Assert.Equal(Side.Left, medius.Side);
        Assert.Contains("(left)", medius.Explanation.En);
        Assert.Contains("(links)", medius.Explanation.Nl);
        Assert.DoesNotContain(knee.Contradicting, e => e.Id == "gluteus-medius");
    }

    [Fact]
    public void Layered_syndrome_is_only_found_when_both_crossed_syndromes_are_present()
    {
        var upperOnly = analyzer.Analyze(Vignettes.OfficeWorkerNeck);
        var both = analyzer.Analyze(Vignettes.Layered);

        Assert.DoesNotContain(upperOnly.Matches, m => m.Pattern.Id == "layered");
        var layered = both.Matches.Single(m => m.Pattern.Id == "layered");
        var lowest = both.Matches.Where(m => m.Pattern.Id is "upper-crossed" or "lower-crossed").Min(m => m.Score);
        Assert.Equal(lowest, layered.Score, 6);
    }

    [Fact]
    public void Layered_goals_replace_those_of_its_components()
    {
        var analysis = analyzer.Analyze(Vignettes.Layered);

        var mobility = analysis.Goals.Single(g => g.Phase == RecoveryPhase.Mobility).Goals;
        Assert.Contains(mobility, g => g.PatternId == "layered");
        Assert.DoesNotContain(mobility, g => g.PatternId is "upper-crossed" or "lower-crossed");
    }

    [Fact]
    public void Goals_follow_the_practice_order_and_come_from_the_broadest_found_patterns()
    {
        var analysis = analyzer.Analyze(Vignettes.OfficeWorkerNeck);

        Assert.Equal(
            [RecoveryPhase.Mobility, RecoveryPhase.Activation, RecoveryPhase.Stability, RecoveryPhase.Strength, RecoveryPhase.DailyMovement],
            analysis.Goals.Select(g => g.Phase).ToArray());
        var broadest = analysis.Matches.Where(m => m.PartOf is null).Select(m => m.Pattern.Id).ToArray();
        Assert.All(analysis.Goals, g => Assert.Equal(broadest, g.Goals.Select(goal => goal.PatternId).ToArray()));
        Assert.Equal(analysis.Matches[0].Pattern.Id, analysis.Goals[0].Goals[0].PatternId);
    }

    [Fact]
    public void Sparse_ratings_lower_confidence_and_report_the_missing_muscles_instead_of_guessing()
    {
        var analysis = analyzer.Analyze(Vignettes.SparseNeck);

        Assert.Empty(analysis.Matches);
        var upper = analysis.Patterns.Single(p => p.Pattern.Id == "upper-crossed");
        Assert.Equal(0.25, upper.Confidence);
        Assert.False(upper.IsMatch);
        Assert.Contains("levator-scapulae", upper.MissingMuscleIds);
        Assert.Contains("levator-scapulae", analysis.MissingMuscleIds);
        Assert.DoesNotContain("upper-trapezius", analysis.MissingMuscleIds);
        Assert.True(analysis.Confidence < 0.5);
        Assert.Contains("rate the missing muscles", upper.Explanation.En);
    }

    [Fact]
    public void Ratings_that_contradict_a_pattern_are_reported_as_evidence_against_it()
    {
        var analysis = analyzer.Analyze(Vignettes.ContradictingNeck);

        var upper = analysis.Patterns.Single(p => p.Pattern.Id == "upper-crossed");
        Assert.False(upper.IsMatch);
        Assert.Equal(0, upper.Score);
        Assert.Contains(upper.Contradicting, e => e.Id == "upper-trapezius" && e.Rating!.Tone == MuscleTone.Underactive);
        Assert.Contains(upper.Contradicting, e => e.Id == "lower-trapezius" && e.Rating!.Tone == MuscleTone.Overactive);
        Assert.Contains("opposite", upper.Contradicting.First(e => e.Id == "upper-trapezius").Explanation.En);
    }

    [Fact]
    public void Findings_on_one_side_only_do_not_make_a_compensation()
    {
        var analysis = analyzer.Analyze(Assess([Under("gluteus-medius", 3), Under("deep-hip-rotators", 3)]));

        Assert.Empty(analysis.Matches);
        Assert.All(analysis.Patterns, p => Assert.False(p.IsMatch));
    }

    [Fact]
    public void Normal_findings_give_no_pattern_and_no_goals()
    {
        var analysis = analyzer.Analyze(Vignettes.NoFindings);

        Assert.Empty(analysis.Matches);
        Assert.Empty(analysis.Chains);
        Assert.All(analysis.Goals, g => Assert.Empty(g.Goals));
    }

    [Fact]
    public void Deviations_without_a_pattern_get_general_goals()
    {
        var analysis = analyzer.Analyze(Assess([Over("masseter", 2)]));

        Assert.Empty(analysis.Matches);
        Assert.All(analysis.Goals, g => Assert.Null(Assert.Single(g.Goals).PatternId));
    }

    [Fact]
    public void Chains_are_ranked_by_load()
    {
        var analysis = analyzer.Analyze(Vignettes.WalkerCalf);

        var top = analysis.Chains[0];
        Assert.Equal("superficial-back-line", top.Chain.Id);
        Assert.Equal(["gastrocnemius"], top.OveractiveMuscleIds.ToArray());
        Assert.Contains("calf", top.ComplaintRegionIds);
        Assert.True(analysis.Chains.Select(c => c.Load).SequenceEqual(analysis.Chains.Select(c => c.Load).OrderDescending()));
        Assert.Contains("whole line", top.Explanation.En);
    }

    [Fact]
    public void Analysis_is_deterministic()
    {
        var first = analyzer.Analyze(Vignettes.Layered);
        var second = new BalanceAnalyzer().Analyze(Vignettes.Layered);

        Assert.Equal(first.Patterns.Select(p => (p.Pattern.Id, p.Score, p.Confidence)), second.Patterns.Select(p => (p.Pattern.Id, p.Score, p.Confidence)));
        Assert.Equal(first.Chains.Select(c => c.Chain.Id), second.Chains.Select(c => c.Chain.Id));
        Assert.Equal(first.Explanation, second.Explanation);
    }

    [Fact]
    public void Every_conclusion_has_a_dutch_and_english_explanation()
    {
        var analysis = analyzer.Analyze(Vignettes.Layered);

        var texts = new[] { analysis.Explanation }
            .Concat(analysis.Patterns.Select(p => p.Explanation))
            .Concat(analysis.Patterns.SelectMany(p => p.Supporting.Concat(p.Contradicting)).Select(e => e.Explanation))
            .Concat(analysis.Chains.Select(c => c.Explanation));
        Assert.All(texts, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Nl));
            Assert.False(string.IsNullOrWhiteSpace(t.En));
            Assert.NotEqual(t.Nl, t.En);
        });
    }

    public static TheoryData<Assessment, string> InvalidAssessments => new()
    {
        { Assess([Over("no-such-muscle")]), "unknown-muscle" },
        { Assess([Over("upper-trapezius", 0)]), "intensity-out-of-range" },
        { Assess([Over("upper-trapezius", 4)]), "intensity-out-of-range" },
        { Assess([Over("diaphragm", 1, Side.Left)]), "side-not-applicable" },
        { Assess([Over("upper-trapezius", 1, Side.Left), Under("upper-trapezius", 1, Side.Left)]), "duplicate-rating" },
        { Assess([Over("upper-trapezius"), Under("upper-trapezius", 1, Side.Right)]), "conflicting-sides" },
        { Assess([Over("upper-trapezius")], ["slouching"]), "unknown-observation" },
        { Assess([Over("upper-trapezius")], null, Complaint("elbow")), "unknown-region" },
        { Assess([Over("upper-trapezius")], null, Complaint("neck", Side.Left)), "side-not-applicable" },
        { Assess([new MuscleRating("upper-trapezius", (MuscleTone)7)]), "unknown-tone" },
    };

    [Theory]
    [MemberData(nameof(InvalidAssessments))]
    public void Invalid_input_is_refused_with_a_clear_error(Assessment assessment, string expectedCode)
    {
        var validation = analyzer.Validate(assessment);
        Assert.False(validation.IsValid);
        Assert.Contains(validation.Errors, e => e.Code == expectedCode);

        var ex = Assert.Throws<ClinicalInputException>(() => analyzer.Analyze(assessment));
        Assert.IsAssignableFrom<ArgumentException>(ex);
        Assert.Contains(ex.Errors, e => e.Code == expectedCode);
    }

    [Fact]
    public void Intensity_error_names_the_muscle_and_the_allowed_range()
    {
        var ex = Assert.Throws<ClinicalInputException>(() => analyzer.Analyze(Assess([Under("gluteus-medius", 5)])));

        Assert.Contains("intensity 5 for 'gluteus-medius' must be between 1 and 3", ex.Message);
        Assert.Equal("assessment", ex.ParamName);
    }

    [Fact]
    public void Left_and_right_ratings_of_one_muscle_are_valid()
    {
        Assert.True(analyzer.Validate(Vignettes.RunnerKnee).IsValid);
    }
}
