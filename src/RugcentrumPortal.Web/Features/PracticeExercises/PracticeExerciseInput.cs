using RugcentrumPortal.Clinical.Exercises;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.PracticeExercises;

/// <summary>The form of an own exercise as the therapist fills it in; checked whole by the service before anything is saved.</summary>
public sealed class PracticeExerciseInput
{
    public string? Title { get; set; }
    public string? Purpose { get; set; }

    /// <summary>One step per line.</summary>
    public string? Steps { get; set; }

    /// <summary>One point of attention per line.</summary>
    public string? Cues { get; set; }

    public ExercisePhase Phase { get; set; } = ExercisePhase.Mobility;

    public int? Sets { get; set; }
    public int? Repetitions { get; set; }
    public int? HoldSeconds { get; set; }
    public int? RestSeconds { get; set; }
    public int? TimesPerDay { get; set; }
    public int? TimesPerWeek { get; set; }
    public int? Minutes { get; set; }

    public ExerciseDosage Dosage => new()
    {
        Sets = Sets, Repetitions = Repetitions, HoldSeconds = HoldSeconds, RestSeconds = RestSeconds,
        TimesPerDay = TimesPerDay, TimesPerWeek = TimesPerWeek, Minutes = Minutes,
    };

    public static PracticeExerciseInput From(PracticeExercise row) => new()
    {
        Title = row.Title, Purpose = row.Purpose, Steps = row.Steps, Cues = row.Cues, Phase = row.Phase,
        Sets = row.DefaultDosage.Sets, Repetitions = row.DefaultDosage.Repetitions, HoldSeconds = row.DefaultDosage.HoldSeconds,
        RestSeconds = row.DefaultDosage.RestSeconds, TimesPerDay = row.DefaultDosage.TimesPerDay,
        TimesPerWeek = row.DefaultDosage.TimesPerWeek, Minutes = row.DefaultDosage.Minutes,
    };

    /// <summary>Non-empty lines, trimmed, in the order written.</summary>
    public static IReadOnlyList<string> SplitLines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Lines as stored: trimmed, blank lines dropped, joined with a plain newline.</summary>
    public static string JoinLines(string? text) => string.Join('\n', SplitLines(text));
}

/// <summary>One dosage value of the form, named as <see cref="ExerciseDosage.Limits"/> names it.</summary>
public sealed record OwnDosageField(string Name, Func<PracticeExerciseInput, int?> Get, Action<PracticeExerciseInput, int?> Set)
{
    public static IReadOnlyList<OwnDosageField> All { get; } =
    [
        new(nameof(PracticeExerciseInput.Sets), i => i.Sets, (i, v) => i.Sets = v),
        new(nameof(PracticeExerciseInput.Repetitions), i => i.Repetitions, (i, v) => i.Repetitions = v),
        new(nameof(PracticeExerciseInput.HoldSeconds), i => i.HoldSeconds, (i, v) => i.HoldSeconds = v),
        new(nameof(PracticeExerciseInput.RestSeconds), i => i.RestSeconds, (i, v) => i.RestSeconds = v),
        new(nameof(PracticeExerciseInput.TimesPerDay), i => i.TimesPerDay, (i, v) => i.TimesPerDay = v),
        new(nameof(PracticeExerciseInput.TimesPerWeek), i => i.TimesPerWeek, (i, v) => i.TimesPerWeek = v),
        new(nameof(PracticeExerciseInput.Minutes), i => i.Minutes, (i, v) => i.Minutes = v),
    ];

    public DosageLimit Limit => ExerciseDosage.Limits.Single(l => l.Name == Name);
}
