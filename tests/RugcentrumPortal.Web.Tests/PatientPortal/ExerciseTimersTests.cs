using Microsoft.Extensions.Localization;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.PatientPortal;

namespace RugcentrumPortal.Web.Tests.PatientPortal;

public class ExerciseTimersTests
{
    /// <summary>Returns the key with its arguments, so the test sees which text was chosen.</summary>
    private sealed class KeyLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);
        public LocalizedString this[string name, params object[] arguments] => new(name, $"{name}({string.Join(',', arguments)})");
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    private static ExerciseTimer? For(string id, int? reps = null, int? sets = null, int? hold = null, int? minutes = null) =>
        ExerciseTimers.For(new PlanExercise { ExerciseId = id, Dosage = new() { Repetitions = reps, Sets = sets, HoldSeconds = hold, Minutes = minutes } }, new KeyLocalizer());

    [Fact]
    public void Breathing_four_six_paces_four_in_six_out_for_two_minutes()
    {
        var timer = For("breathing-4-6")!;

        Assert.Equal([4, 6], timer.Phases.Select(p => p.Seconds));
        Assert.Equal([TimerMotion.Grow, TimerMotion.Shrink], timer.Phases.Select(p => p.Motion));
        Assert.Equal(120, timer.TotalSeconds);
    }

    [Fact]
    public void Breathing_four_seven_eight_empties_the_lungs_first_and_warns_about_light_headedness()
    {
        var timer = For("breathing-4-7-8", reps: 4)!;

        Assert.Equal([4, 7, 8], timer.Phases.Select(p => p.Seconds));
        Assert.Equal(4, timer.Rounds);
        Assert.Equal("Portal.Timer.EmptyLungs", timer.Prelude!.Label);
        Assert.NotNull(timer.Warning);
    }

    [Fact]
    public void Muscle_relaxation_tenses_and_releases_each_group_from_the_feet_up()
    {
        var full = For("progressive-muscle-relaxation")!;
        var brief = For("progressive-muscle-relaxation-short")!;

        Assert.Equal(12, full.Phases.Count);
        Assert.Equal("Portal.Timer.Tense(Portal.Timer.Group.FeetLowerLegs)", full.Phases[0].Label);
        Assert.Equal("Portal.Timer.Tense(Portal.Timer.Group.FaceJaw)", full.Phases[10].Label);
        Assert.All(full.Phases.Where(p => p.Motion == TimerMotion.Tense), p => Assert.InRange(p.Seconds, 5, 7));
        Assert.All(full.Phases.Where(p => p.Motion == TimerMotion.Release), p => Assert.InRange(p.Seconds, 20, 30));
        Assert.Equal(6, brief.Phases.Count);
    }

    [Fact]
    public void Exercises_with_a_hold_get_a_hold_counter_and_others_no_timer()
    {
        var chinTuck = For("chin-tuck", sets: 2, reps: 10, hold: 5)!;

        Assert.Equal(("hold", 10, 5), (chinTuck.Kind, chinTuck.Rounds, chinTuck.Phases[0].Seconds));
        Assert.Equal(2, For("hamstring-stretch", sets: 2, hold: 30)!.Rounds);
        Assert.Null(For("squat-to-chair", sets: 3, reps: 10));
    }

    [Fact]
    public void Two_series_of_ten_holds_count_ten_per_series_twice_with_a_rest_between_the_series()
    {
        var chinTuck = For("chin-tuck", sets: 2, reps: 10, hold: 5)!;

        Assert.Equal((2, 10), (chinTuck.Sets, chinTuck.Rounds));
        Assert.Equal(10, chinTuck.SetRest!.Seconds);
        Assert.Equal(2 * 10 * (5 + 5) + 10, chinTuck.TotalSeconds);
        Assert.Equal("Portal.Timer.Hold.DescriptionSets(5,10,5,2,10)", chinTuck.Description);
        Assert.Null(For("chin-tuck", sets: 1, reps: 10, hold: 5)!.SetRest);
    }
}
