using RugcentrumPortal.Clinical.Analysis;
using RugcentrumPortal.Clinical.Examination;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Clinical.Screening;
using static RugcentrumPortal.Clinical.Tests.TestData;

namespace RugcentrumPortal.Clinical.Tests;

public class ExaminationTests
{
    private readonly BalanceAnalyzer analyzer = new();

    private static MovementTestResult Deviating(string testId, Side side, params string[] findings) =>
        new(testId, side, MovementGrade.Deviating) { FindingIds = findings };

    private static NeuroSideFindings AllNormal => new(NeuroFinding.Normal, NeuroFinding.Normal, ReflexFinding.Normal, NeuroFinding.Normal, NeuroFinding.Normal);

    [Fact]
    public void Catalog_holds_janda_movement_tests_and_the_sixteen_nijmegen_labels()
    {
        Assert.Equal(["prone-hip-extension", "side-lying-hip-abduction", "curl-up", "push-up", "neck-flexion"], Lib.MovementTests.Select(t => t.Id).ToArray());
        Assert.True(Lib.MovementTestsById["prone-hip-extension"].HasSides);
        Assert.False(Lib.MovementTestsById["neck-flexion"].HasSides);
        Assert.Equal(ExaminationScoring.NijmegenItemCount, Lib.NijmegenItems.Length);
        Assert.Contains("official form", Lib.NijmegenNote.En);
    }

    [Fact]
    public void Erectors_firing_first_in_hip_extension_is_evidence_of_gluteal_inhibition_in_lower_crossed()
    {
        var without = analyzer.Analyze(Vignettes.LowBackLowerCrossed).Matches.Single(m => m.Pattern.Id == "lower-crossed");
        var with = analyzer.Analyze(Vignettes.LowBackLowerCrossed with
        {
            MovementTests = [Deviating("prone-hip-extension", Side.Left, "hip-extension-erectors-first"), new("prone-hip-extension", Side.Right, MovementGrade.Normal)],
        }).Matches.Single(m => m.Pattern.Id == "lower-crossed");

        var evidence = Assert.Single(with.Supporting, e => e.Kind == EvidenceKind.MovementTest);
        Assert.Equal(("hip-extension-erectors-first", Side.Left), (evidence.Id, evidence.Side));
        Assert.Contains("Prone hip extension (left): Back extensors switch on first. This points to an inhibited Gluteus maximus with Erector spinae, lumbar part taking over", evidence.Explanation.En);
        Assert.Contains("Heupstrekken in buikligging (links)", evidence.Explanation.Nl);
        Assert.Equal(without.Score + 0.05, with.Score, 6);
        Assert.Equal(without.Fit, with.Fit);
    }

    [Fact]
    public void A_movement_test_never_makes_a_pattern_without_the_ratings_for_it()
    {
        var analysis = analyzer.Analyze(Assess([Under("gluteus-maximus", 2)]) with
        {
            MovementTests =
            [
                Deviating("prone-hip-extension", Side.Left, "hip-extension-erectors-first", "hip-extension-hamstrings-first"),
                Deviating("curl-up", Side.Both, "curl-up-feet-lift"),
            ],
        });

        Assert.Empty(analysis.Matches);
        Assert.Contains(analysis.Patterns.Single(p => p.Pattern.Id == "gluteal-to-lumbar").Supporting, e => e.Kind == EvidenceKind.MovementTest);
    }

    [Fact]
    public void A_movement_test_counts_for_the_side_it_was_graded_on()
    {
        var ratings = Assess([Under("gluteus-maximus", 2, Side.Left), Under("gluteus-medius", 2, Side.Left), Over("lumbar-erector-spinae", 2, Side.Left)]);
        var left = analyzer.Analyze(ratings with { MovementTests = [Deviating("prone-hip-extension", Side.Left, "hip-extension-erectors-first")] })
            .Matches.Single(m => m.Pattern.Id == "gluteal-to-lumbar");
        var right = analyzer.Analyze(ratings with { MovementTests = [Deviating("prone-hip-extension", Side.Right, "hip-extension-erectors-first")] })
            .Matches.Single(m => m.Pattern.Id == "gluteal-to-lumbar");

        Assert.Equal(Side.Left, left.Side);
        Assert.Contains(left.Supporting, e => e.Kind == EvidenceKind.MovementTest);
        Assert.DoesNotContain(right.Supporting, e => e.Kind == EvidenceKind.MovementTest);
        Assert.True(left.Score > right.Score);
    }

    [Fact]
    public void Chin_poke_in_neck_flexion_supports_upper_crossed_and_the_deep_neck_pattern()
    {
        var analysis = analyzer.Analyze(Vignettes.OfficeWorkerNeck with { MovementTests = [Deviating("neck-flexion", Side.Both, "neck-flexion-chin-poke")] });

        Assert.Contains(analysis.Patterns.Single(p => p.Pattern.Id == "upper-crossed").Supporting, e => e.Id == "neck-flexion-chin-poke");
        Assert.Contains(analysis.Patterns.Single(p => p.Pattern.Id == "deep-trunk-to-neck").Supporting, e => e.Id == "neck-flexion-chin-poke");
    }

    public static TheoryData<MovementTestResult, string> InvalidMovementTests => new()
    {
        { new("no-such-test", Side.Left, MovementGrade.Normal), "unknown-movement-test" },
        { new("prone-hip-extension", Side.Both, MovementGrade.Normal), "side-required" },
        { new("curl-up", Side.Left, MovementGrade.Normal), "side-not-applicable" },
        { new("push-up", (Side)5, MovementGrade.Normal), "unknown-side" },
        { new("push-up", Side.Right, MovementGrade.Normal) { FindingIds = ["push-up-scapular-winging"] }, "impossible-grade" },
        { new("push-up", Side.Right, MovementGrade.Deviating), "finding-required" },
        { new("push-up", Side.Right, (MovementGrade)9), "unknown-grade" },
        { Deviating("push-up", Side.Right, "neck-flexion-chin-poke"), "unknown-finding" },
        { Deviating("push-up", Side.Right, "push-up-scapular-winging", "push-up-scapular-winging"), "duplicate-finding" },
    };

    [Theory]
    [MemberData(nameof(InvalidMovementTests))]
    public void Impossible_movement_test_results_are_refused_with_a_clear_error(MovementTestResult result, string expectedCode)
    {
        var assessment = Vignettes.DeskWorkerGlutes with { MovementTests = [result] };

        Assert.Contains(analyzer.Validate(assessment).Errors, e => e.Code == expectedCode && e.Path.StartsWith("MovementTests[0]", StringComparison.Ordinal));
        var ex = Assert.Throws<ClinicalInputException>(() => analyzer.Analyze(assessment));
        Assert.Contains(ex.Errors, e => e.Code == expectedCode);
    }

    [Fact]
    public void A_test_graded_twice_for_one_side_is_refused()
    {
        var assessment = Vignettes.DeskWorkerGlutes with
        {
            MovementTests = [new("push-up", Side.Left, MovementGrade.Normal), Deviating("push-up", Side.Left, "push-up-scapular-winging")],
        };

        var error = Assert.Single(analyzer.Validate(assessment).Errors);
        Assert.Equal("duplicate-movement-test", error.Code);
        Assert.Contains("'push-up' is graded twice for side Left", error.Message);
    }

    [Fact]
    public void A_missing_side_names_the_test_and_what_to_give()
    {
        var ex = Assert.Throws<ClinicalInputException>(() => analyzer.Analyze(Vignettes.DeskWorkerGlutes with
        {
            MovementTests = [new("side-lying-hip-abduction", Side.Both, MovementGrade.Normal)],
        }));

        Assert.Contains("'side-lying-hip-abduction' is graded per side; give Side.Left or Side.Right", ex.Message);
    }

    [Theory]
    [InlineData(23, true)]
    [InlineData(22, false)]
    [InlineData(0, false)]
    [InlineData(64, true)]
    public void Nijmegen_flags_dysfunctional_breathing_from_23_points(int total, bool flagged)
    {
        var score = ExaminationScoring.ScoreNijmegen(Items(total));

        Assert.Equal(total, score.Total);
        Assert.Equal(flagged, score.SuggestsDysfunctionalBreathing);
        Assert.Contains(flagged ? "points to a dysfunctional breathing pattern" : "no sign of a dysfunctional breathing pattern", score.Explanation.En);
    }

    [Fact]
    public void Nijmegen_refuses_a_short_form_and_an_impossible_item_score()
    {
        var shortForm = Assert.Throws<ClinicalInputException>(() => ExaminationScoring.ScoreNijmegen([.. Items(20).Take(15)]));
        var items = Items(20).ToArray();
        items[4] = 5;
        var outOfRange = Assert.Throws<ClinicalInputException>(() => ExaminationScoring.ScoreNijmegen(items));

        Assert.Equal("nijmegen-item-count", Assert.Single(shortForm.Errors).Code);
        Assert.Contains("the Nijmegen Questionnaire has 16 items; got 15", shortForm.Message);
        var error = Assert.Single(outOfRange.Errors);
        Assert.Equal(("item-out-of-range", "items[4]"), (error.Code, error.Path));
        Assert.Contains("Nijmegen item 5 is 5; items are scored 0 to 4", error.Message);
    }

    [Fact]
    public void Breathing_assessment_combines_pattern_rate_breath_hold_and_nijmegen()
    {
        var calm = ExaminationScoring.Evaluate(new BreathingAssessment(BreathingPattern.Abdominal) { RatePerMinute = 12, BreathHoldSeconds = 35, NijmegenItems = Items(10) });
        var high = ExaminationScoring.Evaluate(new BreathingAssessment(BreathingPattern.Chest) { RatePerMinute = 22 });

        Assert.False(calm.SuggestsDysfunctionalBreathing);
        Assert.Equal(10, calm.Nijmegen!.Total);
        Assert.Contains("12 breaths per minute at rest. Breath held for 35 seconds.", calm.Explanation.En);
        Assert.True(high.SuggestsDysfunctionalBreathing);
        Assert.Null(high.Nijmegen);
        Assert.StartsWith("Hoge borstademhaling.", high.Explanation.Nl);
    }

    public static TheoryData<BreathingAssessment, string> InvalidBreathing => new()
    {
        { new BreathingAssessment(BreathingPattern.Mixed) { RatePerMinute = 0 }, "rate-out-of-range" },
        { new BreathingAssessment(BreathingPattern.Mixed) { RatePerMinute = 120 }, "rate-out-of-range" },
        { new BreathingAssessment(BreathingPattern.Mixed) { BreathHoldSeconds = -1 }, "breath-hold-out-of-range" },
        { new BreathingAssessment((BreathingPattern)4), "unknown-breathing-pattern" },
        { new BreathingAssessment(BreathingPattern.Chest) { NijmegenItems = [1, 2, 3] }, "nijmegen-item-count" },
    };

    [Theory]
    [MemberData(nameof(InvalidBreathing))]
    public void Impossible_breathing_values_are_refused(BreathingAssessment assessment, string expectedCode)
    {
        Assert.Contains(ExaminationScoring.Validate(assessment).Errors, e => e.Code == expectedCode);
        var ex = Assert.Throws<ClinicalInputException>(() => ExaminationScoring.Evaluate(assessment));
        Assert.Equal("assessment", ex.ParamName);
    }

    [Fact]
    public void Posture_records_lateral_shift_pelvic_obliquity_and_sagittal_shape()
    {
        var posture = new PostureFindings(Side.Left, Side.Right, SagittalPosture.SwayBack);
        var neutral = new PostureFindings(null, null, SagittalPosture.Neutral);

        Assert.True(ExaminationScoring.Validate(posture).IsValid);
        Assert.Equal("Trunk and pelvis: trunk shifted to the left of the pelvis; pelvis higher on the right; sway-back: pelvis pushed forward, upper body leaning back.", posture.Description.En);
        Assert.Contains("romp zijwaarts verschoven naar links", posture.Description.Nl);
        Assert.Equal("Trunk and pelvis: no deviating position.", neutral.Description.En);
    }

    [Theory]
    [InlineData(Side.Both, null, SagittalPosture.Neutral, "side-required")]
    [InlineData(null, Side.Both, SagittalPosture.FlatBack, "side-required")]
    [InlineData((Side)3, null, SagittalPosture.Neutral, "unknown-side")]
    [InlineData(null, null, (SagittalPosture)7, "unknown-posture")]
    public void Posture_without_a_side_or_with_an_unknown_value_is_refused(Side? shift, Side? high, SagittalPosture sagittal, string expectedCode)
    {
        var error = Assert.Single(ExaminationScoring.Validate(new PostureFindings(shift, high, sagittal)).Errors);
        Assert.Equal(expectedCode, error.Code);
    }

    [Fact]
    public void Neurological_examination_summarises_abnormal_and_untested_findings_per_side()
    {
        var exam = new NeurologicalExamination(
            AllNormal with { StraightLegRaise = NeuroFinding.Abnormal, Reflexes = ReflexFinding.Reduced },
            AllNormal with { Slump = NeuroFinding.NotTested });

        Assert.True(ExaminationScoring.Validate(exam).IsValid);
        Assert.True(exam.HasAbnormalFindings);
        Assert.Equal("Left: reflexes reduced, straight-leg raise positive. Right: no abnormality. Not tested: right slump test.", exam.Summary.En);
        Assert.False(new NeurologicalExamination(AllNormal, AllNormal).HasAbnormalFindings);
        Assert.Equal("Geen neurologische afwijkingen gevonden.", new NeurologicalExamination(AllNormal, AllNormal).Summary.Nl);
    }

    [Fact]
    public void Neurological_examination_with_a_missing_side_or_an_unknown_result_is_refused()
    {
        var missing = ExaminationScoring.Validate(new NeurologicalExamination(AllNormal, null!));
        var unknown = ExaminationScoring.Validate(new NeurologicalExamination(AllNormal with { Strength = (NeuroFinding)8 }, AllNormal));

        var error = Assert.Single(missing.Errors);
        Assert.Equal(("missing-side", "Right"), (error.Code, error.Path));
        Assert.Contains("the right side is not recorded", error.Message);
        Assert.Equal(("unknown-grade", "Left.Strength"), (Assert.Single(unknown.Errors).Code, Assert.Single(unknown.Errors).Path));
    }

    [Fact]
    public void A_neurological_red_flag_in_the_screening_calls_for_a_neurological_examination()
    {
        var flag = Lib.RedFlags.First(r => r.IsAsked && r.Category == RedFlagCategory.Neurological);
        var screening = new RedFlagScreener().Screen(ScreeningOf(45, flag.Id));

        var indication = ExaminationScoring.NeurologicalExaminationIndication(screening, [Complaint("low-back")]);

        Assert.True(indication.IsIndicated);
        Assert.Contains(flag.Finding.En, Assert.Single(indication.Reasons).En);
    }

    [Fact]
    public void Back_pain_with_leg_complaints_or_neck_pain_with_arm_complaints_calls_for_a_neurological_examination()
    {
        var clear = new RedFlagScreener().Screen(Vignettes.Pluis());

        var backAndLeg = ExaminationScoring.NeurologicalExaminationIndication(clear, [Complaint("low-back"), Complaint("calf", Side.Left)]);
        var neckAndArm = ExaminationScoring.NeurologicalExaminationIndication(clear, [Complaint("neck"), Complaint("wrist-hand", Side.Right)]);
        var backOnly = ExaminationScoring.NeurologicalExaminationIndication(clear, [Complaint("low-back"), Complaint("neck")]);

        Assert.Contains("low back and in the leg", Assert.Single(backAndLeg.Reasons).En);
        Assert.Contains("neck and in the arm", Assert.Single(neckAndArm.Reasons).En);
        Assert.False(backOnly.IsIndicated);
        Assert.Empty(backOnly.Reasons);
    }

    private static int[] Items(int total)
    {
        var items = new int[ExaminationScoring.NijmegenItemCount];
        for (var i = 0; total > 0; i = (i + 1) % items.Length)
        {
            var add = Math.Min(1, total);
            items[i] += add;
            total -= add;
        }

        return items;
    }
}
