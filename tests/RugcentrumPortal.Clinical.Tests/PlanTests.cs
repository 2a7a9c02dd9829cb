using RugcentrumPortal.Clinical.Analysis;
using RugcentrumPortal.Clinical.Exercises;
using RugcentrumPortal.Clinical.Plans;
using RugcentrumPortal.Clinical.Screening;
using static RugcentrumPortal.Clinical.Tests.TestData;

namespace RugcentrumPortal.Clinical.Tests;

public class PlanTests
{
    private readonly BalanceAnalyzer analyzer = new();
    private readonly RedFlagScreener screener = new();
    private readonly PlanSuggester suggester = new();

    public static TheoryData<string, Assessment, string[]> PlanVignettes => new()
    {
        { "office worker with upper-crossed findings", Vignettes.OfficeWorkerNeck, ["chin-tuck", "scapular-setting", "pectoral-stretch", "levator-scapulae-stretch"] },
        { "runner with weak hip stabilisers", Vignettes.RunnerKnee, ["clamshell", "quadriceps-stretch"] },
        { "low back with lower-crossed findings", Vignettes.LowBackLowerCrossed, ["hip-flexor-stretch", "bridge"] },
        { "shoulder with weak rotator cuff", Vignettes.PainterShoulder, ["rotator-cuff-external-rotation", "shoulder-pendulum"] },
        { "calf taking over from the hip", Vignettes.WalkerCalf, ["calf-stretch", "clamshell"] },
        { "stressed chest breather", Vignettes.StressedChestBreather, ["abdominal-breathing", "chin-tuck", "transversus-activation-breathing", "jaw-release"] },
    };

    [Theory]
    [MemberData(nameof(PlanVignettes))]
    public void First_phase_plan_holds_three_to_six_exercises_aimed_at_the_findings(string vignette, Assessment assessment, string[] expected)
    {
        var plan = suggester.Suggest(analyzer.Analyze(assessment), screener.Screen(Vignettes.Pluis()));

        Assert.InRange(plan.Exercises.Length, PlanOptions.MinExercises, PlanOptions.MaxExercisesLimit);
        Assert.All(expected, id => Assert.True(plan.Exercises.Any(i => i.Exercise.Id == id), $"{vignette}: missing {id}"));
        Assert.All(plan.Exercises, i => Assert.Contains(i.Exercise.Phase, new[] { ExercisePhase.Mobility, ExercisePhase.Activation, ExercisePhase.Relaxation, ExercisePhase.Breathing }));
        Assert.Equal(plan.Exercises.Length, plan.Exercises.Select(i => i.Exercise.Id).Distinct().Count());
        Assert.False(plan.RequiresTherapistDecision);
    }

    [Fact]
    public void Activation_targets_underactive_muscles_and_release_targets_overactive_ones()
    {
        var analysis = analyzer.Analyze(Vignettes.OfficeWorkerNeck);
        var underactive = analysis.Assessment.Ratings.Where(r => r.Tone == Muscles.MuscleTone.Underactive).Select(r => r.MuscleId).ToHashSet();
        var overactive = analysis.Assessment.Ratings.Where(r => r.Tone == Muscles.MuscleTone.Overactive).Select(r => r.MuscleId).ToHashSet();

        var plan = suggester.Suggest(analysis, screener.Screen(Vignettes.Pluis()));

        Assert.All(plan.Exercises.SelectMany(i => i.ActivatesMuscleIds), id => Assert.Contains(id, underactive));
        Assert.All(plan.Exercises.SelectMany(i => i.ReleasesMuscleIds), id => Assert.Contains(id, overactive));
        var chinTuck = plan.Exercises.Single(i => i.Exercise.Id == "chin-tuck");
        Assert.Equal(PlanItemRole.Activation, chinTuck.Role);
        Assert.Contains("Deep neck flexors", chinTuck.Reason.En);
        Assert.Contains("Diepe nekbuigers", chinTuck.Reason.Nl);
    }

    [Fact]
    public void Exercises_follow_the_practice_order_mobility_before_activation()
    {
        var plan = suggester.Suggest(analyzer.Analyze(Vignettes.OfficeWorkerNeck), screener.Screen(Vignettes.Pluis()));

        var phases = plan.Exercises.Select(i => (int)i.Exercise.Phase).ToList();
        Assert.Equal(phases.Order(), phases);
    }

    [Fact]
    public void Office_worker_gets_workplace_check_and_micro_pauses()
    {
        var plan = suggester.Suggest(analyzer.Analyze(Vignettes.OfficeWorkerNeck), screener.Screen(Vignettes.Pluis()));

        Assert.Contains(plan.SelfCareModules, m => m.Exercise.Id == "workplace-check" && m.SelfCareReason == SelfCareReason.NeckShoulderLoad);
        Assert.Contains(plan.SelfCareModules, m => m.Exercise.Id == "micro-pause-routine");
        Assert.Contains(plan.SelfCareModules, m => m.Exercise.Id == "walking");
        Assert.DoesNotContain(plan.SelfCareModules, m => m.Exercise.Id == "progressive-muscle-relaxation");
    }

    [Fact]
    public void Stressed_patient_with_trauma_complaints_gets_relaxation_flagged_not_dropped()
    {
        var screening = screener.Screen(Vignettes.Pluis(34) with
        {
            YellowFlagIds = ["persistent-stress", "poor-sleep", "trauma-history"],
            StressSignalIds = ["high-breathing", "restless-sleep"],
        });

        var plan = suggester.Suggest(analyzer.Analyze(Vignettes.StressedChestBreather), screening);

        var pmr = plan.SelfCareModules.Concat(plan.DeferredSelfCareModules).Single(m => m.Exercise.Id == "progressive-muscle-relaxation");
        var flag = Assert.Single(pmr.Flags);
        Assert.Equal("trauma-complaints", flag.ConditionId);
        Assert.Equal(PrecautionAction.ConsultFirst, flag.Action);
        Assert.Contains("Trauma or PTSD complaints", pmr.Reason.En);
        Assert.Contains(plan.SelfCareModules, m => m.Exercise.Id == "breathing-4-6" && !m.IsFlagged);
        Assert.Contains(plan.SelfCareModules, m => m.Exercise.Id == "sleep-routine" && m.SelfCareReason == SelfCareReason.Sleep);
        Assert.Contains("kept for a later phase", plan.Explanation.En);
    }

    [Fact]
    public void Patient_with_a_heart_condition_gets_no_breath_hold_exercise_and_is_told_why()
    {
        var screening = screener.Screen(Vignettes.Pluis(58) with
        {
            YellowFlagIds = ["poor-sleep"],
            PrecautionConditionIds = ["heart-lung-condition"],
        });

        var plan = suggester.Suggest(analyzer.Analyze(Vignettes.StressedChestBreather), screening);

        Assert.DoesNotContain(plan.SelfCareModules, m => m.Exercise.Id == "breathing-4-7-8");
        var excluded = Assert.Single(plan.Excluded, x => x.Exercise.Id == "breathing-4-7-8");
        Assert.Equal("heart-lung-condition", excluded.Precaution.ConditionId);
        Assert.Contains("breathing 4-6", excluded.Reason.En);
        Assert.Contains(plan.SelfCareModules, m => m.Exercise.Id == "breathing-4-6");
        Assert.Contains(plan.SelfCareModules.Concat(plan.DeferredSelfCareModules), m => m.Exercise.Id == "progressive-muscle-relaxation" && m.Flags.Any(f => f.ConditionId == "heart-lung-condition"));
    }

    [Fact]
    public void Pregnant_patient_with_weak_buttocks_gets_no_prone_exercise()
    {
        var screening = screener.Screen(Vignettes.Pluis(31) with { PrecautionConditionIds = ["pregnancy"] });

        var plan = suggester.Suggest(analyzer.Analyze(Vignettes.LowBackLowerCrossed), screening);

        Assert.DoesNotContain(plan.Exercises, i => i.Exercise.Id == "prone-hip-extension");
        Assert.Contains(plan.Excluded, x => x.Exercise.Id == "prone-hip-extension" && x.Precaution.ConditionId == "pregnancy");
        Assert.Contains(plan.Exercises, i => i.Exercise.Id == "bridge" && i.Flags.Any(f => f.ConditionId == "pregnancy"));
        Assert.InRange(plan.Exercises.Length, PlanOptions.MinExercises, PlanOptions.MaxExercisesLimit);
    }

    [Fact]
    public void Osteoporosis_found_in_screening_removes_pressure_on_the_spine_and_flags_flexion()
    {
        // An invented retired seamstress with a stiff, rounded upper back who uses prednisone.
        var assessment = Assess(
            [Over("thoracic-erector-spinae", 3), Over("pectoralis-minor", 2), Over("rectus-abdominis", 2), Over("lumbar-erector-spinae", 2), Under("lower-trapezius", 2)],
            ["increased-thoracic-kyphosis"],
            Complaint("mid-back"));
        var screening = screener.Screen(ScreeningOf(67, "corticosteroids-osteoporosis"));

        var plan = suggester.Suggest(analyzer.Analyze(assessment), screening);

        Assert.Equal(ScreeningConclusion.NietPluis, screening.Conclusion);
        Assert.True(plan.RequiresTherapistDecision);
        Assert.DoesNotContain(plan.Exercises, i => i.Exercise.Id == "thoracic-extension-towel");
        Assert.Contains(plan.Excluded, x => x.Exercise.Id == "thoracic-extension-towel" && x.Precaution.ConditionId == "osteoporosis");
        Assert.Contains(plan.Exercises, i => i.Exercise.Id == "thoracic-rotation" && i.Flags.Any(f => f.ConditionId == "osteoporosis"));
        Assert.Contains("niet-pluis", plan.Explanation.Nl);
    }

    [Fact]
    public void Without_findings_the_plan_is_filled_with_foundation_exercises()
    {
        var plan = suggester.Suggest(analyzer.Analyze(Vignettes.NoFindings), screener.Screen(Vignettes.Pluis()));

        Assert.Equal(PlanOptions.MinExercises, plan.Exercises.Length);
        Assert.All(plan.Exercises, i => Assert.Equal(PlanItemRole.Foundation, i.Role));
        Assert.Single(plan.SelfCareModules, m => m.Exercise.Id == "walking");
    }

    [Fact]
    public void More_findings_fill_the_ceiling_across_both_regions()
    {
        var plan = suggester.Suggest(analyzer.Analyze(Vignettes.Layered), screener.Screen(Vignettes.Pluis()));

        Assert.Equal(PlanOptions.MaxExercisesLimit, plan.Exercises.Length);
        Assert.Contains(plan.Exercises, i => i.Exercise.Id == "hip-flexor-stretch");
        Assert.Contains(plan.Exercises, i => i.Exercise.Id == "scapular-setting");
    }

    [Fact]
    public void A_smaller_plan_can_be_requested()
    {
        var plan = suggester.Suggest(analyzer.Analyze(Vignettes.Layered), screener.Screen(Vignettes.Pluis()), new PlanOptions { MaxExercises = 4 });

        Assert.Equal(4, plan.Exercises.Length);
        Assert.Equal(4, plan.SizeLimit!.MaxExercises);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    public void Plan_size_outside_three_to_six_is_refused(int max)
    {
        var analysis = analyzer.Analyze(Vignettes.OfficeWorkerNeck);
        var screening = screener.Screen(Vignettes.Pluis());

        Assert.Throws<ClinicalInputException>(() => suggester.Suggest(analysis, screening, new PlanOptions { MaxExercises = max }));
    }

    [Fact]
    public void Every_choice_is_explained_in_both_languages()
    {
        var screening = screener.Screen(Vignettes.Pluis() with { YellowFlagIds = ["persistent-stress"], PrecautionConditionIds = ["heart-lung-condition"] });
        var plan = suggester.Suggest(analyzer.Analyze(Vignettes.Layered), screening);

        var texts = plan.Exercises.Concat(plan.SelfCareModules).Select(i => i.Reason)
            .Concat(plan.Excluded.Select(x => x.Reason))
            .Append(plan.Explanation);
        Assert.All(texts, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Nl));
            Assert.False(string.IsNullOrWhiteSpace(t.En));
            Assert.NotEqual(t.Nl, t.En);
        });
    }

    [Fact]
    public void Suggestion_is_deterministic()
    {
        var screening = screener.Screen(Vignettes.Pluis());
        var first = suggester.Suggest(analyzer.Analyze(Vignettes.Layered), screening);
        var second = new PlanSuggester().Suggest(new BalanceAnalyzer().Analyze(Vignettes.Layered), screening);

        Assert.Equal(first.Exercises.Select(i => i.Exercise.Id), second.Exercises.Select(i => i.Exercise.Id));
        Assert.Equal(first.SelfCareModules.Select(i => i.Exercise.Id), second.SelfCareModules.Select(i => i.Exercise.Id));
    }
}
