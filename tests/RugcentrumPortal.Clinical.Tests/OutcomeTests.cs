using RugcentrumPortal.Clinical.Outcomes;

namespace RugcentrumPortal.Clinical.Tests;

public class OutcomeTests
{
    [Theory]
    [InlineData(7, 5, true, ChangeDirection.Improved)]
    [InlineData(7, 6, false, ChangeDirection.Improved)]
    [InlineData(3, 5, true, ChangeDirection.Worsened)]
    [InlineData(4, 4, false, ChangeDirection.Unchanged)]
    [InlineData(10, 0, true, ChangeDirection.Improved)]
    public void Nprs_change_of_two_points_is_meaningful(int before, int after, bool meaningful, ChangeDirection direction)
    {
        var change = OutcomeScoring.CompareNprs(before, after);

        Assert.Equal(meaningful, change.IsMeaningful);
        Assert.Equal(direction, change.Direction);
        Assert.Equal(after - before, change.Change);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Nprs_outside_zero_to_ten_is_refused(int value)
    {
        Assert.Throws<ClinicalInputException>(() => OutcomeScoring.ScoreNprs(value));
        Assert.Throws<ClinicalInputException>(() => OutcomeScoring.CompareNprs(5, value));
    }

    public static TheoryData<int?[], int, int, StartBackRisk> StartBackCases => new()
    {
        { [0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 0, StartBackRisk.Low },
        { [1, 1, 1, 0, 0, 0, 0, 0, 0], 3, 0, StartBackRisk.Low },
        { [1, 1, 0, 0, 1, 1, 1, 0, 0], 5, 3, StartBackRisk.Medium },
        { [1, 1, 1, 1, 0, 0, 0, 0, 0], 4, 0, StartBackRisk.Medium },
        { [0, 0, 0, 0, 1, 1, 1, 1, 0], 4, 4, StartBackRisk.High },
        { [1, 1, 1, 1, 1, 1, 1, 1, 1], 9, 5, StartBackRisk.High },
    };

    [Theory]
    [MemberData(nameof(StartBackCases))]
    public void Start_back_classifies_risk_from_total_and_psychosocial_subscale(int?[] items, int total, int subscale, StartBackRisk risk)
    {
        var score = OutcomeScoring.ScoreStartBack(items);

        Assert.Equal(total, score.Total);
        Assert.Equal(subscale, score.PsychosocialSubscore);
        Assert.Equal(risk, score.Risk);
    }

    [Fact]
    public void Start_back_needs_every_item_answered_and_zero_or_one()
    {
        Assert.Contains(
            Assert.Throws<ClinicalInputException>(() => OutcomeScoring.ScoreStartBack([0, 0, 0, 0, 0, 0, 0, 0, null])).Errors,
            e => e.Code == "too-many-unanswered");
        Assert.Contains(
            Assert.Throws<ClinicalInputException>(() => OutcomeScoring.ScoreStartBack([0, 0, 0, 0, 0, 0, 0, 0, 2])).Errors,
            e => e.Code == "score-out-of-range");
        Assert.Contains(
            Assert.Throws<ClinicalInputException>(() => OutcomeScoring.ScoreStartBack([0, 0, 0])).Errors,
            e => e.Code == "item-count");
    }

    public static TheoryData<int?[], double, int, OdiBand> OswestryCases => new()
    {
        { [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 10, OdiBand.Minimal },
        { [2, 2, 2, 2, 2, 0, 0, 0, 0, 0], 20, 10, OdiBand.Minimal },
        { [2, 2, 2, 2, 2, 1, 0, 0, 0, 0], 22, 10, OdiBand.Moderate },
        { [3, 3, 3, 3, 3, 3, 3, 3, 3, null], 60, 9, OdiBand.Severe },
        { [4, 4, 4, 4, 4, 4, 4, 4, null, null], 80, 8, OdiBand.VerySevere },
        { [5, 5, 5, 5, 5, 5, 5, 5, 5, 5], 100, 10, OdiBand.Extreme },
        { [1, 1, 1, 1, 1, 1, 1, 1, 1, null], 100.0 * 9 / 45, 9, OdiBand.Minimal },
    };

    [Theory]
    [MemberData(nameof(OswestryCases))]
    public void Oswestry_percentage_is_taken_over_the_answered_sections(int?[] sections, double percentage, int answered, OdiBand band)
    {
        var score = OutcomeScoring.ScoreOswestry(sections);

        Assert.Equal(percentage, score.Percentage, 9);
        Assert.Equal(answered, score.AnsweredSections);
        Assert.Equal(band, score.Band);
    }

    [Fact]
    public void Oswestry_with_more_than_two_unanswered_sections_is_refused()
    {
        var ex = Assert.Throws<ClinicalInputException>(() => OutcomeScoring.ScoreOswestry([1, 1, 1, 1, 1, 1, 1, null, null, null]));

        Assert.Contains(ex.Errors, e => e.Code == "too-many-unanswered");
        Assert.Contains("at most 2 unanswered", ex.Message);
    }

    [Fact]
    public void Oswestry_rejects_a_section_score_above_five()
    {
        var ex = Assert.Throws<ClinicalInputException>(() => OutcomeScoring.ScoreOswestry([6, 1, 1, 1, 1, 1, 1, 1, 1, 1]));

        Assert.Contains("item 1 is 6", ex.Message);
    }

    [Theory]
    [InlineData(new[] { 4, 4, 4, 4, 4, 0, 0, 0, 0, 0 }, new[] { 2, 2, 2, 2, 2, 0, 0, 0, 0, 0 }, true)]
    [InlineData(new[] { 4, 4, 4, 4, 4, 0, 0, 0, 0, 0 }, new[] { 3, 3, 3, 3, 3, 0, 0, 0, 0, 0 }, true)]
    [InlineData(new[] { 4, 4, 4, 4, 4, 0, 0, 0, 0, 0 }, new[] { 3, 3, 3, 3, 4, 0, 0, 0, 0, 0 }, false)]
    public void Oswestry_change_of_ten_points_is_meaningful(int[] before, int[] after, bool meaningful)
    {
        var change = OutcomeScoring.CompareOswestry(
            OutcomeScoring.ScoreOswestry(before.Select(v => (int?)v).ToArray()),
            OutcomeScoring.ScoreOswestry(after.Select(v => (int?)v).ToArray()));

        Assert.Equal(meaningful, change.IsMeaningful);
        Assert.Equal(ChangeDirection.Improved, change.Direction);
    }

    public static TheoryData<int?[], int, NdiBand, bool> NdiCases => new()
    {
        { [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0, NdiBand.None, false },
        { [1, 1, 1, 1, 0, 0, 0, 0, 0, 0], 4, NdiBand.None, false },
        { [1, 1, 1, 1, 1, 0, 0, 0, 0, 0], 5, NdiBand.Mild, false },
        { [2, 2, 2, 2, 2, 2, 2, 0, 0, 0], 14, NdiBand.Mild, false },
        { [2, 2, 2, 2, 2, 2, 2, 1, 0, 0], 15, NdiBand.Moderate, false },
        { [3, 3, 3, 3, 3, 3, 3, 3, 1, 1], 26, NdiBand.Severe, false },
        { [4, 4, 4, 4, 4, 4, 4, 4, 3, 0], 35, NdiBand.Complete, false },
        { [2, 2, 2, 2, 2, 2, 2, 2, 2, null], 20, NdiBand.Moderate, true },
        { [3, 3, 3, 3, 3, 3, 3, 4, null, null], 31, NdiBand.Severe, true },
    };

    [Theory]
    [MemberData(nameof(NdiCases))]
    public void Ndi_scores_and_bands(int?[] items, int total, NdiBand band, bool prorated)
    {
        var score = OutcomeScoring.ScoreNdi(items);

        Assert.Equal(total, score.Total);
        Assert.Equal(band, score.Band);
        Assert.Equal(prorated, score.IsProrated);
    }

    [Fact]
    public void Ndi_with_three_unanswered_items_is_refused()
    {
        Assert.Throws<ClinicalInputException>(() => OutcomeScoring.ScoreNdi([1, 1, 1, 1, 1, 1, 1, null, null, null]));
    }

    [Theory]
    [InlineData(20, 15, true)]
    [InlineData(20, 16, false)]
    [InlineData(10, 16, true)]
    public void Ndi_change_of_five_points_is_meaningful(int beforeTotal, int afterTotal, bool meaningful)
    {
        static NdiScore Score(int total) => OutcomeScoring.ScoreNdi(Enumerable.Range(0, 10).Select(i => (int?)((total / 10) + (i < total % 10 ? 1 : 0))).ToArray());

        var change = OutcomeScoring.CompareNdi(Score(beforeTotal), Score(afterTotal));

        Assert.Equal(meaningful, change.IsMeaningful);
    }

    [Fact]
    public void Qbpds_sums_twenty_items_and_prorates_up_to_two_gaps()
    {
        var full = OutcomeScoring.ScoreQbpds(Enumerable.Repeat((int?)3, 20).ToArray());
        var gaps = OutcomeScoring.ScoreQbpds(Enumerable.Repeat((int?)3, 18).Concat([null, null]).ToArray());

        Assert.Equal(60, full.Total);
        Assert.False(full.IsProrated);
        Assert.Equal(60, gaps.Total);
        Assert.Equal(54, gaps.RawSum);
        Assert.True(gaps.IsProrated);
        Assert.Throws<ClinicalInputException>(() => OutcomeScoring.ScoreQbpds(Enumerable.Repeat((int?)3, 17).Concat([null, null, null]).ToArray()));
    }

    [Theory]
    [InlineData(60, 40, true, true)]
    [InlineData(70, 53, true, false)]
    [InlineData(60, 45, true, false)]
    [InlineData(60, 46, false, false)]
    [InlineData(50, 35, true, true)]
    [InlineData(40, 28, false, false)]
    [InlineData(40, 60, true, true)]
    [InlineData(40, 55, true, false)]
    public void Qbpds_change_is_judged_against_measurement_error_and_clinical_importance(int before, int after, bool beyondError, bool meaningful)
    {
        var change = OutcomeScoring.CompareQbpds(Qbpds(before), Qbpds(after));

        Assert.Equal(beyondError, change.ExceedsMeasurementError);
        Assert.Equal(meaningful, change.IsMeaningful);
        Assert.Equal(OutcomeScoring.QbpdsMinimalDetectableChange, change.MinimalDetectableChange);
        Assert.Equal(OutcomeScoring.QbpdsMeaningfulChange, change.Threshold);
    }

    [Fact]
    public void Qbpds_change_of_seventeen_is_beyond_measurement_error_but_not_clinically_important()
    {
        var change = OutcomeScoring.CompareQbpds(Qbpds(70), Qbpds(53));

        Assert.Equal(-17, change.Change);
        Assert.True(change.ExceedsMeasurementError);
        Assert.False(change.IsMeaningful);
        Assert.Contains("exceeds the measurement error of 15 points but is not yet a clinically important change", change.Explanation.En);
        Assert.Contains("meer dan de meetfout van 15 punten, maar nog geen klinisch belangrijke verandering", change.Explanation.Nl);
    }

    [Fact]
    public void Qbpds_thirty_percent_within_measurement_error_is_not_called_meaningful()
    {
        var change = OutcomeScoring.CompareQbpds(Qbpds(40), Qbpds(28));

        Assert.Equal(-0.3, change.RelativeChange!.Value, 9);
        Assert.False(change.IsMeaningful);
        Assert.Contains("within the measurement error of 15 points", change.Explanation.En);
    }

    [Theory]
    [InlineData(5, 3.5, true)]
    [InlineData(5, 3.6, false)]
    [InlineData(8, 6, true)]
    [InlineData(8, 6.5, false)]
    [InlineData(2, 1, true)]
    [InlineData(2, 3, false)]
    [InlineData(0, 1.5, false)]
    public void Nprs_change_is_meaningful_at_two_points_or_thirty_percent_improvement(double before, double after, bool meaningful)
    {
        var change = OutcomeScoring.CompareNprs(before, after);

        Assert.Equal(meaningful, change.IsMeaningful);
        Assert.Equal(OutcomeScoring.MeaningfulRelativeImprovement, change.RelativeThreshold);
        Assert.Null(change.ExceedsMeasurementError);
    }

    [Fact]
    public void Nprs_five_to_three_and_a_half_is_meaningful_through_the_thirty_percent_rule()
    {
        var change = OutcomeScoring.CompareNprs(5, 3.5);

        Assert.True(change.IsMeaningful);
        Assert.Equal(-1.5, change.Change);
        Assert.Equal("Improved by 1.5 points (30%); that is clinically meaningful (threshold 2 points or 30% improvement).", change.Explanation.En);
        Assert.Equal("Verbeterd met 1.5 punten (30%); dat is klinisch betekenisvol (drempel 2 punten of 30% verbetering).", change.Explanation.Nl);
    }

    [Theory]
    [InlineData(-0.5, 3)]
    [InlineData(5, 10.5)]
    [InlineData(double.NaN, 3)]
    [InlineData(5, double.PositiveInfinity)]
    public void Impossible_nprs_values_are_refused(double before, double after)
    {
        var ex = Assert.Throws<ClinicalInputException>(() => OutcomeScoring.CompareNprs(before, after));

        Assert.Contains(ex.Errors, e => e.Code == "score-out-of-range");
    }

    [Fact]
    public void Oswestry_thirty_percent_improvement_is_meaningful_below_ten_points()
    {
        var change = OutcomeScoring.CompareOswestry(
            OutcomeScoring.ScoreOswestry([2, 2, 2, 2, 2, 2, 0, 0, 0, 0]),
            OutcomeScoring.ScoreOswestry([1, 1, 1, 1, 2, 2, 0, 0, 0, 0]));

        Assert.Equal(-8, change.Change, 9);
        Assert.True(change.IsMeaningful);
    }

    [Theory]
    [InlineData("low-back", new[] { "nprs", "psk", "qbpds" }, new[] { "start-back" })]
    [InlineData("neck", new[] { "nprs", "psk", "ndi" }, new string[0])]
    [InlineData("knee", new[] { "nprs", "psk" }, new string[0])]
    public void Intake_gets_the_outcome_set_for_its_complaint_region(string region, string[] instruments, string[] supporting)
    {
        var proposal = OutcomeScoring.ProposeOutcomeSet(region);

        Assert.Equal(instruments, proposal.InstrumentIds.ToArray());
        Assert.Equal(supporting, proposal.SupportingInstrumentIds.ToArray());
        Assert.False(string.IsNullOrWhiteSpace(proposal.Reason.Nl));
        Assert.NotEqual(proposal.Reason.Nl, proposal.Reason.En);
    }

    [Fact]
    public void Every_low_back_intake_gets_the_kngf_set_even_with_other_regions()
    {
        var proposal = OutcomeScoring.ProposeOutcomeSet(["neck", "low-back"]);

        Assert.Equal(["nprs", "psk", "qbpds", "ndi"], proposal.InstrumentIds.ToArray());
        Assert.Equal(["start-back"], proposal.SupportingInstrumentIds.ToArray());
        Assert.Contains("KNGF", proposal.Reason.Nl);
        Assert.Contains("never used alone", proposal.Reason.En);
    }

    [Fact]
    public void Outcome_set_for_an_unknown_or_missing_region_is_refused()
    {
        Assert.Contains(Assert.Throws<ClinicalInputException>(() => OutcomeScoring.ProposeOutcomeSet("lower-back")).Errors, e => e.Code == "unknown-region");
        Assert.Contains(Assert.Throws<ClinicalInputException>(() => OutcomeScoring.ProposeOutcomeSet([])).Errors, e => e.Code == "no-complaint-region");
    }

    [Theory]
    [InlineData(new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(new[] { 1, 1, 0, 0, 1, 1, 1, 0, 0 })]
    [InlineData(new[] { 1, 1, 1, 1, 1, 1, 1, 1, 1 })]
    public void Start_back_result_always_says_it_supports_the_therapists_judgement(int[] items)
    {
        var score = OutcomeScoring.ScoreStartBack(items.Select(v => (int?)v).ToArray());

        Assert.EndsWith(score.JudgementNote.Nl, score.Interpretation.Nl);
        Assert.EndsWith(score.JudgementNote.En, score.Interpretation.En);
        Assert.Contains("never a risk classification on its own", score.JudgementNote.En);
        Assert.Contains("nooit op zichzelf een risico-indeling", score.JudgementNote.Nl);
    }

    [Fact]
    public void Psk_change_is_judged_per_activity()
    {
        var before = OutcomeScoring.ScorePsk([new("Fietsen", 8), new("Stofzuigen", 6), new("Tillen van kleinkind", 9)]);
        var after = OutcomeScoring.ScorePsk([new("tillen van kleinkind", 8), new("Fietsen", 5), new("Stofzuigen", 7)]);

        var comparison = OutcomeScoring.ComparePsk(before, after);

        Assert.Equal(["Fietsen", "Stofzuigen", "Tillen van kleinkind"], comparison.Activities.Select(a => a.Label).ToArray());
        Assert.Equal([true, false, false], comparison.Activities.Select(a => a.IsMeaningful).ToArray());
        Assert.Equal(1, comparison.MeaningfulImprovements);
        Assert.Equal(0, comparison.MeaningfulDeteriorations);
        Assert.Equal(23.0 / 3, before.Mean, 9);
    }

    [Fact]
    public void Psk_refuses_too_few_activities_bad_scores_and_unmatched_activities()
    {
        Assert.Throws<ClinicalInputException>(() => OutcomeScoring.ScorePsk([new("Fietsen", 8), new("Lopen", 6)]));
        Assert.Throws<ClinicalInputException>(() => OutcomeScoring.ScorePsk([new("Fietsen", 11), new("Lopen", 6), new("Zitten", 2)]));
        Assert.Throws<ClinicalInputException>(() => OutcomeScoring.ScorePsk([new("Fietsen", 1), new("fietsen", 6), new("Zitten", 2)]));
        var before = OutcomeScoring.ScorePsk([new("Fietsen", 8), new("Lopen", 6), new("Zitten", 2)]);
        var after = OutcomeScoring.ScorePsk([new("Fietsen", 8), new("Lopen", 6), new("Staan", 2)]);
        var ex = Assert.Throws<ClinicalInputException>(() => OutcomeScoring.ComparePsk(before, after));
        Assert.Contains(ex.Errors, e => e.Message.Contains("'Zitten'"));
        Assert.Contains(ex.Errors, e => e.Message.Contains("'Staan'"));
    }

    [Theory]
    [InlineData("odi", 10)]
    [InlineData("ndi", 10)]
    [InlineData("qbpds", 20)]
    [InlineData("start-back", 9)]
    public void Every_instrument_has_own_words_labels_for_each_item(string id, int items)
    {
        var instrument = TestData.Lib.InstrumentsById[id];

        Assert.Equal(items, instrument.ItemLabels.Length);
        Assert.Contains("official", instrument.Note.En);
    }

    private static QbpdsScore Qbpds(int total) =>
        OutcomeScoring.ScoreQbpds(Enumerable.Range(0, 20).Select(i => (int?)((total / 20) + (i < total % 20 ? 1 : 0))).ToArray());
}
