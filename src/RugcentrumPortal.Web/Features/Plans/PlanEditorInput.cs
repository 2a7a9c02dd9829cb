using RugcentrumPortal.Clinical.Patterns;
using RugcentrumPortal.Web.Data;

namespace RugcentrumPortal.Web.Features.Plans;

/// <summary>
/// Everything the draft editor posts. Rows carry only what the therapist types; which exercise a row is and its
/// place come from the stored draft, matched by row id, so a post cannot smuggle in other rows.
/// </summary>
public sealed class PlanEditorInput
{
    public const int TitleMax = 200;
    public const int NotesMax = 4000;
    public const int TextMax = 1000;

    /// <summary>The button pressed: save, activate, template, discard, or up/down/remove/add with an argument after a colon.</summary>
    public string? Command { get; set; }

    public string Title { get; set; } = "";
    public string? Notes { get; set; }
    public DateOnly? StartsOn { get; set; }
    public string? TemplateName { get; set; }
    public List<PhaseInput> Phases { get; set; } = [];
    public List<RowInput> Rows { get; set; } = [];

    public static PlanEditorInput From(RecoveryPlan plan) => new()
    {
        Title = plan.Title,
        Notes = plan.Notes,
        StartsOn = plan.StartsOn,
        Phases = Enum.GetValues<RecoveryPhase>().Select(phase => plan.Phases.FirstOrDefault(p => p.Phase == phase) is { } stored
            ? new PhaseInput { Phase = phase, Include = true, Goal = stored.Goal, ReviewOn = stored.ReviewOn }
            : new PhaseInput { Phase = phase }).ToList(),
        Rows = plan.Exercises.OrderBy(e => e.Order).Select(RowInput.From).ToList(),
    };
}

public sealed class PhaseInput
{
    public RecoveryPhase Phase { get; set; }
    public bool Include { get; set; }
    public string? Goal { get; set; }
    public DateOnly? ReviewOn { get; set; }
}

public sealed class RowInput
{
    public Guid Id { get; set; }
    public RecoveryPhase Phase { get; set; }
    public int? Sets { get; set; }
    public int? Repetitions { get; set; }
    public int? HoldSeconds { get; set; }
    public int? RestSeconds { get; set; }
    public int? TimesPerDay { get; set; }
    public int? TimesPerWeek { get; set; }
    public int? Minutes { get; set; }
    public string? Instructions { get; set; }
    public bool PrecautionConfirmed { get; set; }
    public string? PrecautionNote { get; set; }

    /// <summary>Allowed dosage ranges, shared by validation and the inputs' min/max.</summary>
    public static readonly IReadOnlyList<DosageField> DosageFields =
    [
        new(nameof(Sets), "Plans.Dose.Sets", 1, 10, r => r.Sets, (r, v) => r.Sets = v),
        new(nameof(Repetitions), "Plans.Dose.Repetitions", 1, 50, r => r.Repetitions, (r, v) => r.Repetitions = v),
        new(nameof(HoldSeconds), "Plans.Dose.HoldSeconds", 1, 300, r => r.HoldSeconds, (r, v) => r.HoldSeconds = v),
        new(nameof(RestSeconds), "Plans.Dose.RestSeconds", 0, 600, r => r.RestSeconds, (r, v) => r.RestSeconds = v),
        new(nameof(TimesPerDay), "Plans.Dose.TimesPerDay", 1, 10, r => r.TimesPerDay, (r, v) => r.TimesPerDay = v),
        new(nameof(TimesPerWeek), "Plans.Dose.TimesPerWeek", 1, 14, r => r.TimesPerWeek, (r, v) => r.TimesPerWeek = v),
        new(nameof(Minutes), "Plans.Dose.Minutes", 1, 120, r => r.Minutes, (r, v) => r.Minutes = v),
    ];

    public static RowInput From(PlanExercise row) => new()
    {
        Id = row.Id,
        Phase = row.Phase,
        Sets = row.Sets,
        Repetitions = row.Repetitions,
        HoldSeconds = row.HoldSeconds,
        RestSeconds = row.RestSeconds,
        TimesPerDay = row.TimesPerDay,
        TimesPerWeek = row.TimesPerWeek,
        Minutes = row.Minutes,
        Instructions = row.Instructions,
        PrecautionConfirmed = row.PrecautionConfirmedAt is not null,
        PrecautionNote = row.PrecautionNote,
    };

    public void ApplyTo(PlanExercise row, DateTimeOffset now)
    {
        row.Phase = Phase;
        row.Sets = Sets;
        row.Repetitions = Repetitions;
        row.HoldSeconds = HoldSeconds;
        row.RestSeconds = RestSeconds;
        row.TimesPerDay = TimesPerDay;
        row.TimesPerWeek = TimesPerWeek;
        row.Minutes = Minutes;
        row.Instructions = PlanEditorText.Clean(Instructions);
        row.PrecautionNote = PlanEditorText.Clean(PrecautionNote);
        row.PrecautionConfirmedAt = PrecautionConfirmed ? row.PrecautionConfirmedAt ?? now : null;
    }
}

public sealed record DosageField(string Name, string LabelKey, int Min, int Max, Func<RowInput, int?> Get, Action<RowInput, int?> Set);

public static class PlanEditorText
{
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
