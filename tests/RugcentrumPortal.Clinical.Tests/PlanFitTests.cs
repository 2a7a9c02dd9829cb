using RugcentrumPortal.Clinical.Analysis;
using RugcentrumPortal.Clinical.Exercises;
using RugcentrumPortal.Clinical.Plans;
using RugcentrumPortal.Clinical.Screening;
using static RugcentrumPortal.Clinical.Tests.TestData;

namespace RugcentrumPortal.Clinical.Tests;

/// <summary>Plans that fit the person: size, age and the precautions that change exercises; invented patients only.</summary>
public class PlanFitTests
{
    private static readonly string[] LoadingOutsideTheLoadPhases = ["bridge", "prone-hip-extension", "lifting-technique"];

    private readonly BalanceAnalyzer analyzer = new();
    private readonly RedFlagScreener screener = new();
    private readonly PlanSuggester suggester = new();

    private static ScreeningInput Stressed(int age) => Vignettes.Pluis(age) with
    {
        YellowFlagIds = ["persistent-stress", "poor-sleep"],
        StressSignalIds = ["high-breathing"],
    };

    [Fact]
    public void Seventy_five_year_old_gets_a_short_first_phase_with_the_reason()
    {
        var plan = suggester.Suggest(analyzer.Analyze(Vignettes.Layered), screener.Screen(Stressed(75)));

        Assert.Equal(PlanOptions.OlderAdultMaxExercises, plan.Exercises.Length);
        Assert.Equal(PlanOptions.OlderAdultMaxSelfCareModules, plan.SelfCareModules.Length);
        Assert.NotEmpty(plan.DeferredSelfCareModules);
        Assert.Equal(new PlanSizeLimit(4, 2, plan.SizeLimit!.Reason), plan.SizeLimit);
        Assert.Contains("Boven de 70 jaar hoogstens 4 oefeningen en 2 zelfzorgmodules", plan.SizeLimit.Reason.Nl);
        Assert.Contains("Over 70, at most 4 exercises and 2 self-care modules", plan.SizeLimit.Reason.En);
        Assert.Contains(plan.SizeLimit.Reason.Nl, plan.Explanation.Nl);
    }

    [Fact]
    public void Short_first_phase_spreads_its_modules_over_the_patients_problems()
    {
        var plan = suggester.Suggest(analyzer.Analyze(Vignettes.StressedChestBreather), screener.Screen(Stressed(78)));

        Assert.Equal(
            [SelfCareReason.StressRegulation, SelfCareReason.Sleep],
            plan.SelfCareModules.Select(m => m.SelfCareReason!.Value).ToArray());
        Assert.All(plan.DeferredSelfCareModules, m => Assert.DoesNotContain(m, plan.SelfCareModules));
    }

    [Fact]
    public void Seventy_year_old_keeps_the_general_limit()
    {
        var plan = suggester.Suggest(analyzer.Analyze(Vignettes.Layered), screener.Screen(Stressed(70)));

        Assert.Equal(PlanOptions.MaxExercisesLimit, plan.Exercises.Length);
        Assert.Equal(PlanOptions.MaxSelfCareModules, plan.SelfCareModules.Length);
        Assert.Contains("At most 6 exercises and 4 self-care modules", plan.Explanation.En);
    }

    [Fact]
    public void Older_patient_gets_fewer_exercises_when_fewer_are_asked_for()
    {
        var plan = suggester.Suggest(analyzer.Analyze(Vignettes.Layered), screener.Screen(Vignettes.Pluis(81)), new PlanOptions { MaxExercises = 3 });

        Assert.Equal(3, plan.Exercises.Length);
    }

    [Fact]
    public void Every_loading_exercise_is_flagged_after_a_recent_operation()
    {
        var loading = Lib.Exercises.Where(e => e.Phase is ExercisePhase.StabilityControl or ExercisePhase.Strength || LoadingOutsideTheLoadPhases.Contains(e.Id));

        Assert.All(loading, e => Assert.Contains(
            e.Precautions,
            p => p.ConditionId == "recent-surgery" && p.Action is PrecautionAction.ConsultFirst or PrecautionAction.Avoid));
    }

    [Fact]
    public void Plan_after_a_recent_operation_flags_the_bridge()
    {
        var screening = screener.Screen(Vignettes.Pluis(52) with { PrecautionConditionIds = ["recent-surgery"] });

        var plan = suggester.Suggest(analyzer.Analyze(Vignettes.LowBackLowerCrossed), screening);

        var bridge = plan.Exercises.Single(i => i.Exercise.Id == "bridge");
        Assert.Contains(bridge.Flags, f => f.ConditionId == "recent-surgery");
        Assert.Contains("recent operation", bridge.Reason.En);
    }

    [Fact]
    public void Hernia_arthrosis_and_muscle_disease_are_separate_conditions_with_their_own_advice()
    {
        string[] ids = ["disc-herniation", "severe-arthrosis", "muscle-disease"];

        Assert.All(ids, id => Assert.True(Lib.PrecautionConditionsById.ContainsKey(id), id));
        Assert.Equal(3, ids.Select(id => Lib.PrecautionConditionsById[id].Name.Nl).Distinct().Count());
        Assert.DoesNotContain(Lib.PrecautionConditions, c => c.Question.Nl.Contains("hernia", StringComparison.OrdinalIgnoreCase) && c.Question.Nl.Contains("spierziekte", StringComparison.Ordinal));
        var pmr = Lib.ExercisesById["progressive-muscle-relaxation"].Precautions.Where(p => ids.Contains(p.ConditionId)).ToList();
        Assert.Equal(3, pmr.Select(p => p.Note.Nl).Distinct().Count());
        Assert.All(Lib.Exercises.Where(e => e.Phase == ExercisePhase.Strength), e => Assert.Contains(e.Precautions, p => p.ConditionId == "muscle-disease"));
    }

    [Fact]
    public void Patient_with_a_hernia_gets_the_hernia_advice_only()
    {
        var screening = screener.Screen(Vignettes.Pluis(44) with { YellowFlagIds = ["persistent-stress"], PrecautionConditionIds = ["disc-herniation"] });

        var plan = suggester.Suggest(analyzer.Analyze(Vignettes.NoFindings), screening);

        var pmr = plan.SelfCareModules.Concat(plan.DeferredSelfCareModules).Single(m => m.Exercise.Id == "progressive-muscle-relaxation");
        var flag = Assert.Single(pmr.Flags);
        Assert.Equal("disc-herniation", flag.ConditionId);
        Assert.Contains("hernia", flag.Note.Nl);
    }

    [Fact]
    public void Heat_is_flagged_where_sensation_is_reduced_and_persistent_numbness_implies_it()
    {
        var heat = Lib.ExercisesById["heat-for-stiffness"].Precautions.Single(p => p.ConditionId == "reduced-sensation");
        var result = screener.Screen(ScreeningOf(50, "numbness-tingling"));

        Assert.NotEqual(PrecautionAction.Adapt, heat.Action);
        Assert.Contains("verbranding", heat.Note.Nl);
        Assert.Contains("reduced-sensation", result.PrecautionConditionIds);
    }

    [Fact]
    public void One_transversus_exercise_draws_the_lower_belly_in_gently_while_breathing_on()
    {
        var transversus = Assert.Single(Lib.Exercises, e => e.Id.Contains("transversus", StringComparison.Ordinal));

        Assert.Equal(ExercisePhase.Activation, transversus.Phase);
        Assert.Contains(transversus.Steps, s => s.En.Contains("draw gently in", StringComparison.Ordinal));
        Assert.Contains(transversus.Steps, s => s.En.Contains("keep breathing", StringComparison.Ordinal));
        Assert.Contains(transversus.CommonMistakes, m => m.En.Contains("Pulling the whole belly in hard", StringComparison.Ordinal));
        Assert.Contains(transversus.Cues, c => c.En.Contains("when standing and in daily life, let the belly go", StringComparison.Ordinal));
    }

    [Fact]
    public void Body_awareness_check_keeps_the_belly_free_while_standing_and_agrees_with_the_transversus_exercise()
    {
        var check = Lib.ExercisesById["body-awareness-check"];

        Assert.Contains(check.Steps, s => s.Nl.Contains("in plaats van hem in te trekken", StringComparison.Ordinal));
        Assert.Contains(check.Cues, c => c.En.Contains("Do not pull the belly in when standing", StringComparison.Ordinal));
        Assert.DoesNotContain(
            Lib.Exercises.SelectMany(e => e.Steps),
            s => s.En.Contains("navel to the spine", StringComparison.OrdinalIgnoreCase) || s.En.Contains("pull the belly in", StringComparison.OrdinalIgnoreCase));
    }
}
