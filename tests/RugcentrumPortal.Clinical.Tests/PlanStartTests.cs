using RugcentrumPortal.Clinical.Analysis;
using RugcentrumPortal.Clinical.Plans;
using RugcentrumPortal.Clinical.Screening;
using static RugcentrumPortal.Clinical.Tests.TestData;

namespace RugcentrumPortal.Clinical.Tests;

/// <summary>Which record unlocks a plan after a niet-pluis screening; invented patients only.</summary>
public class PlanStartTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    private readonly RedFlagScreener screener = new();
    private readonly BalanceAnalyzer analyzer = new();
    private readonly PlanSuggester suggester = new();

    private static MedicalClearance Clearance(DateOnly? date = null) =>
        new("dr. J. de Vries", "huisarts", date ?? Today.AddDays(-2), "Cauda-equinasyndroom uitgesloten; blaas en zitvlak normaal bij onderzoek.");

    public static TheoryData<string[], PlanUnlock> UnlockTiers => new()
    {
        { [], PlanUnlock.None },
        { ["numbness-tingling"], PlanUnlock.ReasonedDecision },
        { ["significant-trauma"], PlanUnlock.MedicalClearance },
        { ["saddle-numbness"], PlanUnlock.MedicalClearance },
    };

    [Theory]
    [MemberData(nameof(UnlockTiers))]
    public void Each_urgency_tier_names_the_record_that_unlocks_the_plan(string[] yes, PlanUnlock expected)
    {
        var result = screener.Screen(ScreeningOf(40, yes));

        Assert.Equal(expected, RedFlagScreener.RequiredUnlock(result));
        Assert.Equal(expected, RedFlagScreener.CheckPlanStart(result, null, null, Today).Required);
        Assert.False(string.IsNullOrWhiteSpace(RedFlagScreener.DescribeUnlock(expected).Nl));
    }

    [Fact]
    public void Note_tier_needs_no_unlock()
    {
        Assert.Equal(PlanUnlock.None, RedFlagScreener.RequiredUnlock(Urgency.Note));
        Assert.Equal(PlanUnlock.ReasonedDecision, RedFlagScreener.RequiredUnlock(Urgency.GpConsultation));
        Assert.Equal(PlanUnlock.MedicalClearance, RedFlagScreener.RequiredUnlock(Urgency.UrgentGp));
        Assert.Equal(PlanUnlock.MedicalClearance, RedFlagScreener.RequiredUnlock(Urgency.Emergency));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    public void Undefined_urgency_is_refused_rather_than_mapped_to_an_unlock(int value)
    {
        var ex = Assert.Throws<ClinicalInputException>(() => RedFlagScreener.RequiredUnlock((Urgency)value));

        Assert.Contains(ex.Errors, e => e.Code == "unknown-urgency");
    }

    [Fact]
    public void Cauda_equina_with_a_reason_cannot_start()
    {
        var result = screener.Screen(ScreeningOf(47, "saddle-numbness", "bladder-bowel-disturbance"));
        var decision = new TherapistDecision(TherapistDecisionKind.ProceedWithReason, "Patiënt wil graag beginnen, klachten lijken mee te vallen.");

        Assert.False(RedFlagScreener.CanStartPlan(result, decision));
        var check = RedFlagScreener.CheckPlanStart(result, decision, null, Today);
        Assert.False(check.CanStart);
        Assert.Contains("reason alone is not enough", check.Explanation.En);
        Assert.Contains("reden alleen is niet genoeg", check.Explanation.Nl);
    }

    [Fact]
    public void Cauda_equina_with_a_documented_clearance_can_start()
    {
        var result = screener.Screen(ScreeningOf(47, "saddle-numbness"));

        var check = RedFlagScreener.CheckPlanStart(result, null, Clearance(), Today);

        Assert.True(check.CanStart);
        Assert.Empty(check.ClearanceProblems);
        Assert.Contains("dr. J. de Vries (huisarts) on 27-11-2026", check.Explanation.En);
        Assert.True(RedFlagScreener.CanStartPlan(result, null, Clearance(), Today));
    }

    [Fact]
    public void Urgent_case_with_only_a_recorded_referral_cannot_start()
    {
        var result = screener.Screen(ScreeningOf(66, "significant-trauma"));
        var referral = new TherapistDecision(TherapistDecisionKind.ReferralRecorded, PatientAgreedToShareWithGp: true);

        Assert.Equal(Urgency.UrgentGp, result.HighestUrgency);
        Assert.False(RedFlagScreener.CanStartPlan(result, referral));
        Assert.False(RedFlagScreener.CanStartPlan(result, referral, null, Today));
        Assert.True(RedFlagScreener.CanStartPlan(result, referral, Clearance(), Today));
    }

    [Fact]
    public void Gp_consultation_tier_still_starts_after_a_reason_or_a_referral()
    {
        var result = screener.Screen(ScreeningOf(40, "night-pain"));

        Assert.True(RedFlagScreener.CanStartPlan(result, new TherapistDecision(TherapistDecisionKind.ProceedWithReason, "Nachtpijn bekend sinds jaren, huisarts op de hoogte."), null, Today));
        Assert.True(RedFlagScreener.CanStartPlan(result, new TherapistDecision(TherapistDecisionKind.ReferralRecorded), null, Today));
        Assert.True(RedFlagScreener.CanStartPlan(result, null, Clearance(), Today));
        Assert.False(RedFlagScreener.CanStartPlan(result, null, null, Today));
    }

    public static TheoryData<MedicalClearance, string> IncompleteClearances => new()
    {
        { Clearance() with { ClearedBy = " " }, "clearance-cleared-by-missing" },
        { Clearance() with { Role = "" }, "clearance-role-missing" },
        { Clearance() with { Excluded = "  " }, "clearance-excluded-missing" },
        { Clearance(Today.AddDays(1)), "clearance-date-in-future" },
        { Clearance(DateOnly.MinValue), "clearance-date-missing" },
    };

    [Theory]
    [MemberData(nameof(IncompleteClearances))]
    public void Incomplete_or_future_clearance_is_refused_with_a_message_in_both_languages(MedicalClearance clearance, string code)
    {
        var result = screener.Screen(ScreeningOf(47, "saddle-numbness"));

        var check = RedFlagScreener.CheckPlanStart(result, null, clearance, Today);

        Assert.False(check.CanStart);
        var problem = Assert.Single(check.ClearanceProblems);
        Assert.Equal(code, problem.Code);
        Assert.NotNull(problem.Text);
        Assert.StartsWith("De vrijgave is geweigerd", problem.Text.Nl);
        Assert.StartsWith("The clearance is refused", problem.Text.En);
        Assert.Contains(problem.Text.Nl, check.Explanation.Nl);
        Assert.Contains(problem.Text.En, check.Explanation.En);
    }

    [Fact]
    public void Clearance_dated_today_is_accepted()
    {
        Assert.True(RedFlagScreener.ValidateClearance(Clearance(Today), Today).IsValid);
    }

    [Fact]
    public void Suggester_returns_no_plan_for_an_emergency_without_clearance()
    {
        var screening = screener.Screen(ScreeningOf(47, "saddle-numbness"));
        var analysis = analyzer.Analyze(Vignettes.LowBackLowerCrossed);

        var blocked = suggester.Suggest(analysis, screening);

        Assert.True(blocked.IsBlocked);
        Assert.Empty(blocked.Exercises);
        Assert.Empty(blocked.SelfCareModules);
        Assert.Equal(PlanUnlock.MedicalClearance, blocked.RequiredUnlock);
        Assert.Contains("Numbness in the saddle or genital area", blocked.BlockedReason!.En);
        Assert.Contains("Geen plan voorgesteld", blocked.Explanation.Nl);
        Assert.True(suggester.Suggest(analysis, screening, null, Today).IsBlocked);
    }

    [Fact]
    public void Suggester_returns_a_plan_for_an_emergency_once_a_clearance_is_recorded()
    {
        var screening = screener.Screen(ScreeningOf(47, "saddle-numbness"));

        var plan = suggester.Suggest(analyzer.Analyze(Vignettes.LowBackLowerCrossed), screening, Clearance(), Today);

        Assert.False(plan.IsBlocked);
        Assert.Null(plan.BlockedReason);
        Assert.NotEmpty(plan.Exercises);
        Assert.Contains("medical clearance", plan.Explanation.En);
    }

    [Fact]
    public void Suggester_refuses_an_incomplete_clearance_rather_than_guessing()
    {
        var screening = screener.Screen(ScreeningOf(47, "saddle-numbness"));

        var ex = Assert.Throws<ClinicalInputException>(() =>
            suggester.Suggest(analyzer.Analyze(Vignettes.LowBackLowerCrossed), screening, Clearance(Today.AddDays(3)), Today));

        Assert.Contains(ex.Errors, e => e.Code == "clearance-date-in-future");
    }

    [Fact]
    public void Gp_consultation_case_gets_a_draft_plan_that_waits_for_the_decision()
    {
        var screening = screener.Screen(ScreeningOf(40, "night-pain"));

        var plan = suggester.Suggest(analyzer.Analyze(Vignettes.LowBackLowerCrossed), screening);

        Assert.False(plan.IsBlocked);
        Assert.True(plan.RequiresTherapistDecision);
        Assert.Equal(PlanUnlock.ReasonedDecision, plan.RequiredUnlock);
    }

    [Fact]
    public void Emergency_advice_follows_the_dutch_route_and_never_sends_the_patient_to_the_emergency_department()
    {
        var texts = Lib.AdviceByUrgency.Values.Append(RedFlagScreener.DescribeUrgency(Urgency.Emergency)).ToList();

        Assert.All(texts, t =>
        {
            Assert.DoesNotContain("spoedeisende hulp", t.Nl, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("emergency department", t.En, StringComparison.OrdinalIgnoreCase);
        });
        foreach (var text in new[] { Lib.AdviceByUrgency[Urgency.Emergency], RedFlagScreener.DescribeUrgency(Urgency.Emergency) })
        {
            Assert.Contains("huisartsenpost", text.Nl);
            Assert.Contains("112", text.Nl);
            Assert.Contains("112", text.En);
        }
    }
}
