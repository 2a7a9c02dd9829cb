using System.Globalization;
using RugcentrumPortal.Clinical.Patterns;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.Plans;

/// <summary>
/// Everything the builder sends with a command. Rows carry only what the therapist types; which exercise a row is
/// and its place come from the stored draft, matched by row id, so a command cannot smuggle in other rows.
/// </summary>
public sealed class PlanEditorInput
{
    public const int TitleMax = 200;
    public const int NotesMax = 4000;
    public const int TextMax = 1000;

    /// <summary>
    /// What to do: save, activate, template, discard, or up/down/remove/add/move with an argument after a colon
    /// ("move:rowId:index" puts a dropped row at its place).
    /// </summary>
    public string? Command { get; set; }

    public string Title { get; set; } = "";
    public string? Notes { get; set; }

    /// <summary>As typed (yyyy-MM-dd from a date input), so an impossible date comes back as it was typed.</summary>
    public string? StartsOn { get; set; }

    public string? TemplateName { get; set; }
    public List<PhaseInput> Phases { get; set; } = [];
    public List<RowInput> Rows { get; set; } = [];

    /// <summary>Takes over what is stored, keeping the button pressed and the template name typed.</summary>
    public void Fill(PlanEditorInput stored)
    {
        Title = stored.Title;
        Notes = stored.Notes;
        StartsOn = stored.StartsOn;
        Phases = stored.Phases;
        Rows = stored.Rows;
    }

    /// <summary>
    /// Row order follows the stored draft: rows the draft no longer has are dropped and rows it gained are added
    /// as stored, so each input row lines up with the row it edits.
    /// </summary>
    public void AlignTo(PlanEditorInput stored)
    {
        var order = stored.Rows.Select((row, index) => (row.Id, index)).ToDictionary(r => r.Id, r => r.index);
        var typed = (Rows ?? []).Where(r => order.ContainsKey(r.Id)).DistinctBy(r => r.Id).ToList();
        Rows = typed.Concat(stored.Rows.Where(s => typed.All(r => r.Id != s.Id))).OrderBy(r => order[r.Id]).ToList();
        Phases ??= [];
    }

    public static PlanEditorInput From(RecoveryPlan plan) => new()
    {
        Title = plan.Title,
        Notes = plan.Notes,
        StartsOn = DateText(plan.StartsOn),
        Phases = Enum.GetValues<RecoveryPhase>().Select(phase => plan.Phases.FirstOrDefault(p => p.Phase == phase) is { } stored
            ? new PhaseInput { Phase = phase, Include = true, Goal = stored.ShownGoal(), ReviewOn = DateText(stored.ReviewOn) }
            : new PhaseInput { Phase = phase }).ToList(),
        Rows = plan.Exercises.OrderBy(e => e.Order).Select(RowInput.From).ToList(),
    };

    /// <summary>A date as a date input shows it.</summary>
    public static string? DateText(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads a typed date; empty is no date, anything that is not a real day is unreadable.</summary>
    public static bool TryReadDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            date = day;
            return true;
        }
        return false;
    }
}

public sealed class PhaseInput
{
    public RecoveryPhase Phase { get; set; }
    public bool Include { get; set; }
    public string? Goal { get; set; }

    /// <summary>As typed, like <see cref="PlanEditorInput.StartsOn"/>.</summary>
    public string? ReviewOn { get; set; }
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

    /// <summary>The dosage inputs, in the order the editor shows them, with the ranges the dosage itself allows.</summary>
    public static readonly IReadOnlyList<DosageField> DosageFields =
    [
        new(nameof(Sets), r => r.Sets, (r, v) => r.Sets = v),
        new(nameof(Repetitions), r => r.Repetitions, (r, v) => r.Repetitions = v),
        new(nameof(HoldSeconds), r => r.HoldSeconds, (r, v) => r.HoldSeconds = v),
        new(nameof(RestSeconds), r => r.RestSeconds, (r, v) => r.RestSeconds = v),
        new(nameof(TimesPerDay), r => r.TimesPerDay, (r, v) => r.TimesPerDay = v),
        new(nameof(TimesPerWeek), r => r.TimesPerWeek, (r, v) => r.TimesPerWeek = v),
        new(nameof(Minutes), r => r.Minutes, (r, v) => r.Minutes = v),
    ];

    public static RowInput From(PlanExercise row)
    {
        var input = new RowInput
        {
            Id = row.Id,
            Phase = row.Phase,
            Instructions = row.Instructions,
            PrecautionConfirmed = row.PrecautionConfirmedAt is not null,
            PrecautionNote = row.PrecautionNote,
        };
        foreach (var field in DosageFields)
        {
            field.Set(input, field.Limit.Get(row.Dosage));
        }
        return input;
    }

    /// <summary>The typed values as one dosage.</summary>
    public ExerciseDosage Dosage => new()
    {
        Sets = Sets,
        Repetitions = Repetitions,
        HoldSeconds = HoldSeconds,
        RestSeconds = RestSeconds,
        TimesPerDay = TimesPerDay,
        TimesPerWeek = TimesPerWeek,
        Minutes = Minutes,
    };

    public void ApplyTo(PlanExercise row, DateTimeOffset now)
    {
        row.Phase = Phase;
        row.Dosage = Dosage;
        row.Instructions = PlanEditorText.Clean(Instructions);
        row.PrecautionNote = PlanEditorText.Clean(PrecautionNote);
        row.PrecautionConfirmedAt = PrecautionConfirmed ? row.PrecautionConfirmedAt ?? now : null;
    }
}

/// <summary>One dosage input of a row: its name, label and range, and how the form reads and writes it.</summary>
public sealed record DosageField(string Name, Func<RowInput, int?> Get, Action<RowInput, int?> Set)
{
    public DosageLimit Limit { get; } = ExerciseDosage.Limits.Single(l => l.Name == Name);

    public string LabelKey => "Plans.Dose." + Name;
}

public static class PlanEditorText
{
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
