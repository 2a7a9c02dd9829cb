using RugcentrumPortal.Clinical.Screening;
using static RugcentrumPortal.Clinical.Tests.TestData;

namespace RugcentrumPortal.Clinical.Tests;

public class ScreeningTests
{
    private readonly RedFlagScreener screener = new();

    public static TheoryData<string, ScreeningInput, ScreeningConclusion, Urgency> ScreeningVignettes => new()
    {
        { "office worker without warning signs", ScreeningOf(38), ScreeningConclusion.Pluis, Urgency.None },
        { "cyclist with saddle numbness", ScreeningOf(47, "saddle-numbness"), ScreeningConclusion.NietPluis, Urgency.Emergency },
        { "gardener with new bladder problems", ScreeningOf(51, "bladder-bowel-disturbance"), ScreeningConclusion.NietPluis, Urgency.Emergency },
        { "night pain and weight loss after breast cancer", ScreeningOf(62, "night-pain", "weight-loss", "cancer-history"), ScreeningConclusion.NietPluis, Urgency.UrgentGp },
        { "fever while on immunosuppressants", ScreeningOf(45, "fever-illness", "immunosuppression-iv-drugs"), ScreeningConclusion.NietPluis, Urgency.Emergency },
        { "fall on the stairs with osteoporosis", ScreeningOf(70, "significant-trauma", "corticosteroids-osteoporosis"), ScreeningConclusion.NietPluis, Urgency.UrgentGp },
        { "sudden weakness of one leg", ScreeningOf(58, "sudden-weakness"), ScreeningConclusion.NietPluis, Urgency.Emergency },
        { "persistent tingling alone", ScreeningOf(35, "numbness-tingling"), ScreeningConclusion.NietPluis, Urgency.GpConsultation },
        { "teenage rower, first episode", ScreeningOf(17), ScreeningConclusion.Pluis, Urgency.Note },
        { "retired teacher with a first episode", ScreeningOf(61), ScreeningConclusion.Pluis, Urgency.Note },
        { "young man with morning stiffness alone", ScreeningOf(28, "inflammatory-morning-stiffness"), ScreeningConclusion.Pluis, Urgency.Note },
        { "young man with morning stiffness that eases with movement", ScreeningOf(28, "inflammatory-morning-stiffness", "better-with-movement"), ScreeningConclusion.NietPluis, Urgency.GpConsultation },
        { "psoriasis alone", ScreeningOf(33, "psoriasis"), ScreeningConclusion.Pluis, Urgency.Note },
        { "psoriasis and an earlier inflamed eye", ScreeningOf(33, "psoriasis", "eye-inflammation"), ScreeningConclusion.NietPluis, Urgency.GpConsultation },
        { "chest pain with sweating while gardening", ScreeningOf(58, "chest-pain-or-pressure", "sweating-or-nausea-with-pain"), ScreeningConclusion.NietPluis, Urgency.Emergency },
        { "back pain brought on by climbing stairs", ScreeningOf(52, "pain-on-exertion"), ScreeningConclusion.NietPluis, Urgency.UrgentGp },
        { "pressure between the shoulder blades with breathlessness", ScreeningOf(52, "pressure-between-shoulder-blades", "shortness-of-breath"), ScreeningConclusion.NietPluis, Urgency.Emergency },
        { "smoker with a throbbing belly", ScreeningOf(50, "pulsating-belly", "smoking-or-vascular-disease"), ScreeningConclusion.NietPluis, Urgency.Emergency },
        { "throbbing belly, first back pain at 68", ScreeningOf(68, "pulsating-belly"), ScreeningConclusion.NietPluis, Urgency.Emergency },
        { "smoker without other signs", ScreeningOf(44, "smoking-or-vascular-disease"), ScreeningConclusion.Pluis, Urgency.Note },
        { "clumsy hands in both arms", ScreeningOf(63, "clumsy-hands"), ScreeningConclusion.NietPluis, Urgency.UrgentGp },
        { "unsteady walking alone", ScreeningOf(48, "gait-disturbance"), ScreeningConclusion.NietPluis, Urgency.GpConsultation },
        { "unsteady walking with an electric feeling on bending the neck", ScreeningOf(48, "gait-disturbance", "electric-shock-bending-head"), ScreeningConclusion.NietPluis, Urgency.UrgentGp },
        { "new dizziness alone", ScreeningOf(45, "new-dizziness"), ScreeningConclusion.NietPluis, Urgency.GpConsultation },
        { "new dizziness with numbness around the mouth", ScreeningOf(45, "new-dizziness", "numbness-around-mouth"), ScreeningConclusion.NietPluis, Urgency.Emergency },
        { "double vision after neck manipulation elsewhere", ScreeningOf(39, "double-vision"), ScreeningConclusion.NietPluis, Urgency.Emergency },
        { "unsteady head after a car accident", ScreeningOf(30, "unstable-head-after-trauma", "significant-trauma"), ScreeningConclusion.NietPluis, Urgency.Emergency },
        { "minor fall at 35", ScreeningOf(35, "minor-fall"), ScreeningConclusion.Pluis, Urgency.Note },
        { "minor fall at 74", ScreeningOf(74, "minor-fall"), ScreeningConclusion.NietPluis, Urgency.UrgentGp },
        { "minor fall at 74 with back pain since age 40", ScreeningOf(74, "minor-fall") with { AgeAtOnset = 40 }, ScreeningConclusion.NietPluis, Urgency.UrgentGp },
        { "minor fall at 62", ScreeningOf(62, "minor-fall"), ScreeningConclusion.Pluis, Urgency.Note },
        { "minor fall on long-term prednisone", ScreeningOf(50, "minor-fall", "corticosteroids-osteoporosis"), ScreeningConclusion.NietPluis, Urgency.UrgentGp },
        { "bruise after a minor fall", ScreeningOf(40, "minor-fall", "bruising-or-graze"), ScreeningConclusion.NietPluis, Urgency.UrgentGp },
        { "history of cancer alone", ScreeningOf(45, "cancer-history"), ScreeningConclusion.NietPluis, Urgency.UrgentGp },
        { "fever after a back injection", ScreeningOf(50, "fever-illness", "recent-procedure"), ScreeningConclusion.NietPluis, Urgency.Emergency },
        { "recent bladder infection", ScreeningOf(36, "recent-infection"), ScreeningConclusion.NietPluis, Urgency.GpConsultation },
    };

    [Theory]
    [MemberData(nameof(ScreeningVignettes))]
    public void Screening_vignette_gets_the_expected_conclusion_and_urgency(string vignette, ScreeningInput input, ScreeningConclusion conclusion, Urgency urgency)
    {
        var result = screener.Screen(input);

        Assert.True(conclusion == result.Conclusion, $"{vignette}: expected {conclusion}, got {result.Conclusion}");
        Assert.Equal(urgency, result.HighestUrgency);
        Assert.Equal(Lib.AdviceByUrgency[urgency], result.Advice);
    }

    [Fact]
    public void Saddle_numbness_is_an_emergency_and_blocks_the_plan()
    {
        var result = screener.Screen(ScreeningOf(47, "saddle-numbness"));

        var flag = Assert.Single(result.FlagsFound);
        Assert.Equal(RedFlagCategory.CaudaEquina, flag.Item.Category);
        Assert.Contains("today", result.Advice.En);
        Assert.Contains("vandaag", result.Advice.Nl);
        Assert.False(RedFlagScreener.CanStartPlan(result, null));
    }

    [Fact]
    public void Night_pain_with_weight_loss_and_a_history_of_cancer_raises_urgency_through_combinations()
    {
        var result = screener.Screen(ScreeningOf(62, "night-pain", "weight-loss", "cancer-history"));

        Assert.All(result.FlagsFound.Where(f => f.Item.Id is "night-pain" or "weight-loss"), f => Assert.Equal(Urgency.GpConsultation, f.Item.Urgency));
        Assert.Contains(result.FlagsFound, f => f.Item.Id == "onset-over-55" && f.DerivedFromAge);
        Assert.Equal(
            new[] { "cancer-history-onset-over-55", "cancer-history-with-night-pain", "cancer-history-with-weight-loss", "night-pain-with-weight-loss" },
            result.CombinationsFound.Select(c => c.Id).Order());
        Assert.Contains("Night pain together with unexplained weight loss", result.Explanation.En);
    }

    [Fact]
    public void Flags_are_listed_most_urgent_first()
    {
        var result = screener.Screen(ScreeningOf(40, "numbness-tingling", "saddle-numbness"));

        Assert.Equal(["saddle-numbness", "numbness-tingling"], result.FlagsFound.Select(f => f.Item.Id).ToArray());
    }

    [Theory]
    [InlineData(19, null, true, false)]
    [InlineData(20, null, false, false)]
    [InlineData(55, null, false, false)]
    [InlineData(56, null, false, true)]
    [InlineData(60, 40, false, false)]
    [InlineData(30, 15, true, false)]
    public void Age_based_items_are_computed_from_the_age_at_onset(int age, int? ageAtOnset, bool under20, bool over55)
    {
        var result = screener.Screen(ScreeningOf(age) with { AgeAtOnset = ageAtOnset });

        Assert.Equal(under20, result.FlagsFound.Any(f => f.Item.Id == "onset-under-20"));
        Assert.Equal(over55, result.FlagsFound.Any(f => f.Item.Id == "onset-over-55"));
        Assert.Equal(ScreeningConclusion.Pluis, result.Conclusion);
    }

    [Fact]
    public void Stressed_patient_with_chest_breathing_poor_sleep_and_trauma_complaints_gets_stress_modules_and_a_trauma_precaution()
    {
        var input = ScreeningOf(34) with
        {
            YellowFlagIds = ["persistent-stress", "poor-sleep", "trauma-history"],
            StressSignalIds = ["high-breathing", "jaw-clenching", "restless-sleep"],
        };

        var result = screener.Screen(input);

        Assert.Equal(ScreeningConclusion.Pluis, result.Conclusion);
        Assert.True(result.StressModulesRecommended);
        Assert.Equal(Lib.StressModuleIds, result.RecommendedModuleIds);
        Assert.Contains("trauma-complaints", result.PrecautionConditionIds);
        Assert.Equal(3, result.YellowFlagsFound.Length);
        Assert.Contains("stress-regulation modules are recommended", result.Explanation.En);
    }

    [Theory]
    [InlineData(new string[0], new string[0], false)]
    [InlineData(new[] { "fear-of-movement" }, new string[0], true)]
    [InlineData(new string[0], new[] { "jaw-clenching" }, false)]
    [InlineData(new string[0], new[] { "jaw-clenching", "shoulders-pulled-up" }, true)]
    public void Stress_modules_need_a_yellow_flag_or_two_stress_signals(string[] yellow, string[] stress, bool recommended)
    {
        var result = screener.Screen(ScreeningOf(40) with { YellowFlagIds = yellow, StressSignalIds = stress });

        Assert.Equal(recommended, result.StressModulesRecommended);
        Assert.Equal(recommended, !result.RecommendedModuleIds.IsEmpty);
    }

    [Fact]
    public void Red_flag_answers_can_imply_an_exercise_precaution()
    {
        var result = screener.Screen(ScreeningOf(66, "corticosteroids-osteoporosis") with { PrecautionConditionIds = ["dizziness"] });

        Assert.Equal(["osteoporosis", "dizziness"], result.PrecautionConditionIds.ToArray());
    }

    public static TheoryData<ScreeningConclusion, TherapistDecision?, bool> PlanStartRules => new()
    {
        { ScreeningConclusion.Pluis, null, true },
        { ScreeningConclusion.NietPluis, null, false },
        { ScreeningConclusion.NietPluis, new TherapistDecision(TherapistDecisionKind.ReferralRecorded), true },
        { ScreeningConclusion.NietPluis, new TherapistDecision(TherapistDecisionKind.ProceedWithReason, "Huisarts heeft oorzaak al uitgesloten (brief 12-03)."), true },
        { ScreeningConclusion.NietPluis, new TherapistDecision(TherapistDecisionKind.ProceedWithReason, "   "), false },
        { ScreeningConclusion.NietPluis, new TherapistDecision(TherapistDecisionKind.ProceedWithReason), false },
    };

    [Theory]
    [MemberData(nameof(PlanStartRules))]
    public void A_plan_starts_only_when_pluis_or_after_a_recorded_decision(ScreeningConclusion conclusion, TherapistDecision? decision, bool canStart)
    {
        var result = screener.Screen(conclusion == ScreeningConclusion.Pluis ? ScreeningOf(40) : ScreeningOf(40, "night-pain"));
        Assert.Equal(conclusion, result.Conclusion);

        Assert.Equal(canStart, RedFlagScreener.CanStartPlan(result, decision));
    }

    public static TheoryData<ScreeningInput, string> InvalidInputs => new()
    {
        { ScreeningOf(-1), "age-out-of-range" },
        { ScreeningOf(121), "age-out-of-range" },
        { ScreeningOf(40) with { AgeAtOnset = 41 }, "age-at-onset-out-of-range" },
        { new ScreeningInput(40, new Dictionary<string, bool> { ["night-pain"] = true }), "unanswered-item" },
        { new ScreeningInput(40, new Dictionary<string, bool>(Answers()) { ["back-ache"] = true }), "unknown-red-flag" },
        { new ScreeningInput(40, new Dictionary<string, bool>(Answers()) { ["onset-over-55"] = true }), "age-derived-item" },
        { ScreeningOf(40) with { YellowFlagIds = ["anxious"] }, "unknown-yellow-flag" },
        { ScreeningOf(40) with { StressSignalIds = ["tired"] }, "unknown-stress-signal" },
        { ScreeningOf(40) with { PrecautionConditionIds = ["asthma"] }, "unknown-precaution-condition" },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public void Invalid_or_incomplete_screening_is_refused(ScreeningInput input, string expectedCode)
    {
        var ex = Assert.Throws<ClinicalInputException>(() => screener.Screen(input));

        Assert.Contains(ex.Errors, e => e.Code == expectedCode);
    }

    [Fact]
    public void Every_asked_question_has_a_group_and_conversational_wording()
    {
        var groups = Lib.ScreeningGroups.Select(g => g.Id).ToHashSet();
        Assert.All(Lib.RedFlags, r =>
        {
            Assert.Contains(r.GroupId, groups);
            Assert.Contains("?", r.Question.Nl);
            Assert.Contains("?", r.Question.En);
        });
    }
}
