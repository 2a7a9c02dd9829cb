using Microsoft.Extensions.Localization;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.PatientPortal;

/// <summary>How the timer's circle moves during a phase; the script turns it into a class.</summary>
public enum TimerMotion
{
    Grow,
    Shrink,
    Hold,
    Tense,
    Release,
}

public sealed record TimerPhase(string Label, int Seconds, TimerMotion Motion);

/// <summary>
/// A rhythm the patient can follow: the phases of one round, repeated <see cref="Rounds"/> times in each of
/// <see cref="Sets"/> series with <see cref="SetRest"/> between them, optionally preceded by a <see cref="Prelude"/>.
/// <see cref="Description"/> says the same in words for the page without script.
/// </summary>
public sealed record ExerciseTimer(string Kind, string Description, IReadOnlyList<TimerPhase> Phases, int Rounds, TimerPhase? Prelude = null, string? Warning = null)
{
    public int Sets { get; init; } = 1;
    public TimerPhase? SetRest { get; init; }

    public int TotalSeconds => (Prelude?.Seconds ?? 0) + Sets * Rounds * Phases.Sum(p => p.Seconds) + (Sets - 1) * (SetRest?.Seconds ?? 0);
}

/// <summary>
/// Which exercises get which timer. The breathing and relaxation rhythms follow the practice's self-care modules;
/// any other exercise with a hold time gets a hold counter.
/// </summary>
public static class ExerciseTimers
{
    public const string Breathing46 = "breathing-4-6";
    public const string Breathing478 = "breathing-4-7-8";
    public const string RelaxationFull = "progressive-muscle-relaxation";
    public const string RelaxationShort = "progressive-muscle-relaxation-short";

    private const int BreathingMinutes = 2;
    private const int Breathing478Cycles = 4;
    private const int ReleaseBetweenHoldsSeconds = 5;
    private const int RestBetweenSetsSeconds = 10;

    public static ExerciseTimer? For(PlanExercise exercise, IStringLocalizer T)
    {
        var dosage = exercise.Dosage;
        switch (exercise.ExerciseId)
        {
            case Breathing46:
            {
                var minutes = dosage.Minutes is > 0 ? dosage.Minutes.Value : BreathingMinutes;
                return new ExerciseTimer("breathing-4-6", minutes == 1 ? T["Portal.Timer.CalmBreathing.Description.One"] : T["Portal.Timer.CalmBreathing.Description", minutes],
                    [new(T["Portal.Timer.BreatheIn"], 4, TimerMotion.Grow), new(T["Portal.Timer.BreatheOut"], 6, TimerMotion.Shrink)],
                    Rounds: minutes * 60 / 10);
            }
            case Breathing478:
            {
                var cycles = dosage.Repetitions is > 0 ? dosage.Repetitions.Value : Breathing478Cycles;
                return new ExerciseTimer("breathing-4-7-8", T["Portal.Timer.FourSevenEight.Description", cycles],
                    [
                        new(T["Portal.Timer.BreatheInNose"], 4, TimerMotion.Grow),
                        new(T["Portal.Timer.HoldBreath"], 7, TimerMotion.Hold),
                        new(T["Portal.Timer.BreatheOutMouth"], 8, TimerMotion.Shrink),
                    ],
                    Rounds: cycles,
                    Prelude: new(T["Portal.Timer.EmptyLungs"], 4, TimerMotion.Shrink),
                    Warning: T["Portal.Timer.FourSevenEight.Warning"]);
            }
            case RelaxationFull:
                return Relaxation("relaxation", T, T["Portal.Timer.RelaxFull.Description"], tenseSeconds: 6, noticeSeconds: 25,
                    [T["Portal.Timer.Group.FeetLowerLegs"], T["Portal.Timer.Group.ThighsButtocks"], T["Portal.Timer.Group.Belly"], T["Portal.Timer.Group.Shoulders"], T["Portal.Timer.Group.HandsArms"], T["Portal.Timer.Group.FaceJaw"]]);
            case RelaxationShort:
                return Relaxation("relaxation", T, T["Portal.Timer.RelaxShort.Description"], tenseSeconds: 5, noticeSeconds: 20,
                    [T["Portal.Timer.Group.Legs"], T["Portal.Timer.Group.Shoulders"], T["Portal.Timer.Group.FaceJaw"]]);
        }
        if (dosage.HoldSeconds is > 0 and var hold)
        {
            // Repetitions with a hold get a short release in between and a real rest between series ("2 x 10" is two
            // series of ten); sets of one long hold (a stretch) get a real rest between the holds.
            var phases = new List<TimerPhase> { new(T["Portal.Timer.Hold"], hold, TimerMotion.Hold) };
            if (dosage.Repetitions is > 0 and var repetitions)
            {
                var sets = Math.Max(dosage.Sets ?? 1, 1);
                var rest = dosage.RestSeconds ?? RestBetweenSetsSeconds;
                phases.Add(new(T["Portal.Timer.Release"], ReleaseBetweenHoldsSeconds, TimerMotion.Release));
                var description = sets == 1
                    ? T["Portal.Timer.Hold.Description", hold, repetitions, ReleaseBetweenHoldsSeconds]
                    : T["Portal.Timer.Hold.DescriptionSets", hold, repetitions, ReleaseBetweenHoldsSeconds, sets, rest];
                return new ExerciseTimer("hold", description, phases, Rounds: repetitions)
                {
                    Sets = sets,
                    SetRest = sets > 1 ? new(T["Portal.Timer.RestBetweenSets"], rest, TimerMotion.Release) : null,
                };
            }
            var holds = Math.Max(dosage.Sets ?? 1, 1);
            var pause = dosage.RestSeconds ?? RestBetweenSetsSeconds;
            phases.Add(new(T["Portal.Timer.Release"], pause, TimerMotion.Release));
            return new ExerciseTimer("hold", T["Portal.Timer.Hold.Description", hold, holds, pause], phases, Rounds: holds);
        }
        return null;
    }

    private static ExerciseTimer Relaxation(string kind, IStringLocalizer T, string description, int tenseSeconds, int noticeSeconds, string[] groups)
    {
        var phases = new List<TimerPhase>();
        foreach (var group in groups)
        {
            phases.Add(new(T["Portal.Timer.Tense", group], tenseSeconds, TimerMotion.Tense));
            phases.Add(new(T["Portal.Timer.LetGo"], noticeSeconds, TimerMotion.Release));
        }
        return new ExerciseTimer(kind, description, phases, Rounds: 1);
    }
}
