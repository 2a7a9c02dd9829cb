using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Screening;
using static RugcentrumPortal.Clinical.Tests.TestData;

namespace RugcentrumPortal.Clinical.Tests;

/// <summary>Red flags beyond the low back, how they weigh, and screening again at a later visit.</summary>
public class RedFlagCoverageTests
{
    private readonly RedFlagScreener screener = new();

    [Theory]
    [InlineData("chest-pain-or-pressure", RedFlagCategory.Cardiovascular, Urgency.Emergency)]
    [InlineData("pain-on-exertion", RedFlagCategory.Cardiovascular, Urgency.UrgentGp)]
    [InlineData("shortness-of-breath", RedFlagCategory.Cardiovascular, Urgency.UrgentGp)]
    [InlineData("pressure-between-shoulder-blades", RedFlagCategory.Cardiovascular, Urgency.UrgentGp)]
    [InlineData("pulsating-belly", RedFlagCategory.Cardiovascular, Urgency.UrgentGp)]
    [InlineData("sweating-or-nausea-with-pain", RedFlagCategory.Visceral, Urgency.UrgentGp)]
    [InlineData("clumsy-hands", RedFlagCategory.CervicalMyelopathy, Urgency.UrgentGp)]
    [InlineData("gait-disturbance", RedFlagCategory.CervicalMyelopathy, Urgency.GpConsultation)]
    [InlineData("double-vision", RedFlagCategory.CervicalArterialDysfunction, Urgency.Emergency)]
    [InlineData("speech-or-swallowing-trouble", RedFlagCategory.CervicalArterialDysfunction, Urgency.Emergency)]
    [InlineData("drop-attacks", RedFlagCategory.CervicalArterialDysfunction, Urgency.Emergency)]
    [InlineData("jerking-eyes", RedFlagCategory.CervicalArterialDysfunction, Urgency.UrgentGp)]
    [InlineData("numbness-around-mouth", RedFlagCategory.CervicalArterialDysfunction, Urgency.UrgentGp)]
    [InlineData("new-dizziness", RedFlagCategory.CervicalArterialDysfunction, Urgency.GpConsultation)]
    [InlineData("unstable-head-after-trauma", RedFlagCategory.CervicalInstability, Urgency.UrgentGp)]
    [InlineData("minor-fall", RedFlagCategory.Fracture, Urgency.Note)]
    [InlineData("bruising-or-graze", RedFlagCategory.Fracture, Urgency.GpConsultation)]
    [InlineData("recent-infection", RedFlagCategory.Infection, Urgency.GpConsultation)]
    [InlineData("recent-procedure", RedFlagCategory.Infection, Urgency.GpConsultation)]
    public void New_red_flags_carry_their_category_and_urgency(string id, RedFlagCategory category, Urgency urgency)
    {
        var item = Lib.RedFlagsById[id];

        Assert.Equal(category, item.Category);
        Assert.Equal(urgency, item.Urgency);
        Assert.True(item.IsAsked);
    }

    [Theory]
    [InlineData(70, false)]
    [InlineData(71, true)]
    public void Age_over_seventy_is_derived_from_the_current_age_not_the_onset(int age, bool flagged)
    {
        var result = screener.Screen(ScreeningOf(age) with { AgeAtOnset = 30 });

        Assert.Equal(flagged, result.FlagsFound.Any(f => f.Item.Id == "age-over-70" && f.DerivedFromAge));
        Assert.Equal(ScreeningConclusion.Pluis, result.Conclusion);
    }

    [Fact]
    public void History_of_cancer_alone_is_never_routine()
    {
        var item = Lib.RedFlagsById["cancer-history"];
        var result = screener.Screen(ScreeningOf(45, "cancer-history"));

        Assert.True(item.Urgency > Urgency.GpConsultation);
        Assert.True(
            Lib.RedFlags.Where(r => r.Category == RedFlagCategory.Cancer && r.Id != item.Id).All(r => r.Urgency < item.Urgency),
            "a history of cancer weighs more than any other single cancer sign");
        Assert.Equal(PlanUnlock.MedicalClearance, RedFlagScreener.RequiredUnlock(result));
    }

    [Fact]
    public void Inflammatory_back_pain_is_asked_as_separate_questions_and_weighs_in_combination()
    {
        string[] separate =
        [
            "inflammatory-morning-stiffness", "better-with-movement", "gradual-onset-before-40", "waking-late-in-the-night",
            "eye-inflammation", "psoriasis", "inflammatory-bowel-disease",
        ];

        Assert.All(separate, id => Assert.Equal(RedFlagCategory.Inflammatory, Lib.RedFlagsById[id].Category));
        var combination = Lib.RedFlagCombinations.Single(c => c.Id == "inflammatory-back-pain-features");
        Assert.Equal(separate.Order(), combination.ItemIds.Order());
        Assert.Equal(2, combination.MinimumPresent);
        Assert.DoesNotContain("veertigste", Lib.RedFlagsById["inflammatory-morning-stiffness"].Question.Nl);
    }

    [Fact]
    public void Pressing_feeling_between_the_shoulder_blades_is_not_read_as_stress_when_the_heart_question_is_yes()
    {
        var input = ScreeningOf(56, "pressure-between-shoulder-blades") with
        {
            StressSignalIds = ["heavy-between-shoulder-blades", "jaw-clenching"],
        };

        var result = screener.Screen(input);

        Assert.DoesNotContain(result.StressSignalsFound, s => s.Id == "heavy-between-shoulder-blades");
        Assert.False(result.StressModulesRecommended);
        Assert.Equal(Urgency.UrgentGp, result.HighestUrgency);
        Assert.Contains("is not counted as a stress signal", result.Explanation.En);
        Assert.Contains("telt niet als stresssignaal", result.Explanation.Nl);
    }

    [Fact]
    public void Pressing_feeling_between_the_shoulder_blades_counts_as_stress_once_the_heart_questions_are_no()
    {
        var signal = Lib.StressSignalsById["heavy-between-shoulder-blades"];
        var result = screener.Screen(ScreeningOf(56) with { StressSignalIds = ["heavy-between-shoulder-blades", "jaw-clenching"] });

        Assert.Contains("pressure-between-shoulder-blades", signal.LinkedRedFlagIds);
        Assert.Contains(result.StressSignalsFound, s => s.Id == signal.Id);
        Assert.True(result.StressModulesRecommended);
    }

    [Fact]
    public void Every_urgent_or_emergency_item_is_worded_for_the_patient_in_both_languages()
    {
        Assert.All(Lib.RedFlags.Where(r => r.IsAsked && r.Urgency >= Urgency.UrgentGp), r =>
        {
            Assert.EndsWith("?", r.Question.Nl);
            Assert.EndsWith("?", r.Question.En);
            Assert.NotEqual(r.Question.Nl, r.Question.En);
        });
    }

    [Fact]
    public void Re_screening_with_a_new_urgent_flag_needs_a_new_unlock()
    {
        var earlier = screener.Screen(ScreeningOf(64, "night-pain"));
        var later = screener.Screen(ScreeningOf(64, "night-pain", "clumsy-hands"));

        var comparison = RedFlagScreener.Compare(earlier, later);

        Assert.Equal(["clumsy-hands"], comparison.NewFlags.Select(f => f.Id).ToArray());
        Assert.Contains(comparison.PersistingFlags, f => f.Id == "night-pain");
        Assert.Empty(comparison.ResolvedFlags);
        Assert.Equal(Urgency.GpConsultation, comparison.EarlierUrgency);
        Assert.Equal(Urgency.UrgentGp, comparison.LaterUrgency);
        Assert.True(comparison.NeedsNewUnlock);
        Assert.Contains("Clumsy or numb hands on both sides", comparison.Explanation.En);
        Assert.Contains("Medische vrijgave nodig", comparison.Explanation.Nl);
    }

    [Fact]
    public void Re_screening_with_the_same_or_fewer_flags_keeps_the_earlier_record()
    {
        var earlier = screener.Screen(ScreeningOf(64, "night-pain", "numbness-tingling"));
        var later = screener.Screen(ScreeningOf(64, "night-pain"));

        var comparison = RedFlagScreener.Compare(earlier, later);

        Assert.Empty(comparison.NewFlags);
        Assert.Equal(["numbness-tingling"], comparison.ResolvedFlags.Select(f => f.Id).ToArray());
        Assert.False(comparison.NeedsNewUnlock);
        Assert.Contains("No longer present: Persistent numbness or tingling.", comparison.Explanation.En);
        Assert.False(RedFlagScreener.Compare(later, later).NeedsNewUnlock);
    }

    [Fact]
    public void Re_screening_asks_the_questions_added_since_the_stored_answers()
    {
        var stored = Answers();
        stored.Remove("clumsy-hands");
        stored.Remove("chest-pain-or-pressure");

        var missing = screener.UnansweredItems(stored);

        Assert.Equal(["chest-pain-or-pressure", "clumsy-hands"], missing.Select(i => i.Id).Order().ToArray());
        Assert.Empty(screener.UnansweredItems(Answers()));
        Assert.Equal(Lib.RedFlags.Count(r => r.IsAsked), screener.UnansweredItems(null).Length);
    }

    public static TheoryData<string, string, string> BrokenCombinations => new()
    {
        {
            "\"items\": [\"clumsy-hands\", \"gait-disturbance\", \"electric-shock-bending-head\"], \"atLeast\": 2",
            "\"items\": [\"clumsy-hands\", \"gait-disturbance\", \"electric-shock-bending-head\"], \"atLeast\": 4",
            "must be between 2 and the number of items (3)"
        },
        {
            "\"items\": [\"chest-pain-or-pressure\", \"sweating-or-nausea-with-pain\"], \"urgency\": \"emergency\"",
            "\"items\": [\"chest-pain-or-pressure\", \"sweating-or-nausea-with-pain\"], \"urgency\": \"urgentGp\"",
            "a combination never weighs less than its parts"
        },
        {
            "\"redFlags\": [\"pressure-between-shoulder-blades\", \"chest-pain-or-pressure\"]",
            "\"redFlags\": [\"pressure-between-shoulderblades\", \"chest-pain-or-pressure\"]",
            "unknown red flag id 'pressure-between-shoulderblades'"
        },
    };

    [Theory]
    [MemberData(nameof(BrokenCombinations))]
    public void Loading_refuses_an_impossible_combination_or_a_dangling_stress_link(string find, string replace, string expectedProblem)
    {
        var files = DataFiles();
        Assert.Contains(find, files["screening.json"]);
        files["screening.json"] = files["screening.json"].Replace(find, replace);

        var ex = Assert.Throws<ClinicalDataException>(() => CatalogLoader.Load(f => files[f]));

        Assert.Contains(ex.Problems, p => p.Contains(expectedProblem, StringComparison.Ordinal));
    }
}
