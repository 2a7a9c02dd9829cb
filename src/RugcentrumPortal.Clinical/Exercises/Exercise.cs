using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using RugcentrumPortal.Clinical.Text;

namespace RugcentrumPortal.Clinical.Exercises;

/// <summary>The kind of work an exercise does; the order follows the practice's recovery order.</summary>
public enum ExercisePhase
{
    /// <summary>Mobility and release of excess tension.</summary>
    Mobility,

    /// <summary>Switching on deep or underactive muscles.</summary>
    Activation,

    /// <summary>Stability and control in slow patterns.</summary>
    StabilityControl,

    /// <summary>Targeted strength.</summary>
    Strength,

    /// <summary>Relaxation and body awareness.</summary>
    Relaxation,

    /// <summary>Breathing regulation.</summary>
    Breathing,

    /// <summary>Habits and movement in daily life.</summary>
    DailyLife,
}

/// <summary>What to do when a patient has a condition an exercise has a precaution for.</summary>
public enum PrecautionAction
{
    /// <summary>Include it, adapted as the note says.</summary>
    Adapt,

    /// <summary>Include it only after the therapist has checked (or consulted the treating doctor).</summary>
    ConsultFirst,

    /// <summary>Leave it out.</summary>
    Avoid,
}

/// <summary>A precaution of an exercise, tied to a patient condition asked at intake.</summary>
/// <param name="ConditionId">Precaution condition id, e.g. "trauma-complaints".</param>
/// <param name="Action">Adapt, consult first, or avoid.</param>
/// <param name="Note">What to watch or change.</param>
public sealed record ExercisePrecaution(string ConditionId, PrecautionAction Action, LocalizedText Note);

/// <summary>Default dosage; fields that do not apply are null.</summary>
public sealed record Dosage
{
    /// <summary>Number of sets.</summary>
    public int? Sets { get; init; }

    /// <summary>Repetitions per set.</summary>
    public int? Repetitions { get; init; }

    /// <summary>Seconds to hold each repetition or position.</summary>
    public int? HoldSeconds { get; init; }

    /// <summary>Rest between sets in seconds.</summary>
    public int? RestSeconds { get; init; }

    /// <summary>Times per day.</summary>
    public int? TimesPerDay { get; init; }

    /// <summary>Times per week.</summary>
    public int? TimesPerWeek { get; init; }

    /// <summary>Total minutes per session.</summary>
    public int? Minutes { get; init; }

    /// <summary>A compact human-readable description, e.g. "2 x 10 herhalingen, 2x per dag".</summary>
    public LocalizedText Describe()
    {
        var nl = new StringBuilder();
        var en = new StringBuilder();
        if (Sets is { } sets && Repetitions is { } reps)
        {
            Append(nl, en, $"{sets} x {Count(reps, "herhaling", "herhalingen")}", $"{sets} x {Count(reps, "repetition", "repetitions")}");
        }
        else if (Sets is { } setsOnly)
        {
            Append(nl, en, Count(setsOnly, "serie", "series"), Count(setsOnly, "set", "sets"));
        }
        else if (Repetitions is { } repsOnly)
        {
            Append(nl, en, Count(repsOnly, "herhaling", "herhalingen"), Count(repsOnly, "repetition", "repetitions"));
        }

        if (HoldSeconds is { } hold)
        {
            Append(nl, en, $"{hold} s vasthouden", $"hold {hold} s");
        }

        if (RestSeconds is { } rest)
        {
            Append(nl, en, $"{rest} s rust", $"{rest} s rest");
        }

        if (Minutes is { } minutes)
        {
            Append(nl, en, Count(minutes, "minuut", "minuten"), Count(minutes, "minute", "minutes"));
        }

        if (TimesPerDay is { } perDay)
        {
            Append(nl, en, $"{perDay}x per dag", $"{perDay}x a day");
        }

        if (TimesPerWeek is { } perWeek)
        {
            Append(nl, en, $"{perWeek}x per week", $"{perWeek}x a week");
        }

        return new LocalizedText(nl.ToString(), en.ToString());
    }

    private static string Count(int number, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{number} {(number == 1 ? one : many)}");

    private static void Append(StringBuilder nl, StringBuilder en, string nlPart, string enPart)
    {
        if (nl.Length > 0)
        {
            nl.Append(", ");
            en.Append(", ");
        }

        nl.Append(CultureInfo.InvariantCulture, $"{nlPart}");
        en.Append(CultureInfo.InvariantCulture, $"{enPart}");
    }
}

/// <summary>An exercise or self-care module from the practice's library.</summary>
public sealed record Exercise
{
    /// <summary>Stable kebab-case id, e.g. "chin-tuck".</summary>
    public required string Id { get; init; }

    /// <summary>Kind of work.</summary>
    public required ExercisePhase Phase { get; init; }

    /// <summary>True for the self-care modules (breathing, relaxation, pauses, walking, workplace, body awareness).</summary>
    public required bool IsSelfCareModule { get; init; }

    /// <summary>Title.</summary>
    public required LocalizedText Title { get; init; }

    /// <summary>Why the exercise is done.</summary>
    public required LocalizedText Purpose { get; init; }

    /// <summary>Steps in order.</summary>
    public required ImmutableArray<LocalizedText> Steps { get; init; }

    /// <summary>Attention points while doing it.</summary>
    public required ImmutableArray<LocalizedText> Cues { get; init; }

    /// <summary>Common mistakes to avoid.</summary>
    public required ImmutableArray<LocalizedText> CommonMistakes { get; init; }

    /// <summary>Default dosage.</summary>
    public required Dosage DefaultDosage { get; init; }

    /// <summary>Muscle ids the exercise activates or strengthens.</summary>
    public required ImmutableArray<string> TargetMuscleIds { get; init; }

    /// <summary>Muscle ids the exercise stretches, releases or relaxes.</summary>
    public required ImmutableArray<string> ReleasedMuscleIds { get; init; }

    /// <summary>Harder variants (exercise ids).</summary>
    public required ImmutableArray<string> ProgressionIds { get; init; }

    /// <summary>Easier variants (exercise ids).</summary>
    public required ImmutableArray<string> RegressionIds { get; init; }

    /// <summary>Precautions tied to patient conditions.</summary>
    public required ImmutableArray<ExercisePrecaution> Precautions { get; init; }

    internal ImmutableArray<int> TargetIndexes { get; init; }

    internal ImmutableArray<int> ReleasedIndexes { get; init; }

    internal int Index { get; init; }
}
