using System.ComponentModel.DataAnnotations;
using RugcentrumPortal.Clinical.Muscles;
using RugcentrumPortal.Clinical.Regions;

namespace RugcentrumPortal.Web.Features.Balance;

/// <summary>
/// The muscle-balance findings as the form holds them: one entry per muscle id in each dictionary. Values stay raw
/// strings, so the clinical core's own validation judges them instead of a second copy of its rules.
/// </summary>
public sealed class BalanceInput
{
    /// <summary>Empty for "not rated", otherwise a <see cref="MuscleTone"/> name.</summary>
    public Dictionary<string, string> Tone { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Intensity { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A <see cref="Side"/> name; only posted for muscles judged per side.</summary>
    public Dictionary<string, string> Side { get; set; } = new(StringComparer.Ordinal);

    public List<string> Observations { get; set; } = [];

    [MaxLength(4000, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string? Notes { get; set; }

    public string ToneOf(string muscleId) => Tone.GetValueOrDefault(muscleId) ?? "";

    public string IntensityOf(string muscleId) => Intensity.GetValueOrDefault(muscleId) ?? "1";

    public string SideOf(string muscleId) => Side.GetValueOrDefault(muscleId) ?? nameof(Clinical.Regions.Side.Both);

    /// <summary>The field a muscle row's problems belong to.</summary>
    public static string RowField(string muscleId) => $"{nameof(Tone)}[{muscleId}]";

    /// <summary>The field a problem belongs to: its muscle row, or the observations or ratings as a whole.</summary>
    public static string FieldOf(BalanceProblem problem) => problem switch
    {
        { MuscleId: { } muscleId } => RowField(muscleId),
        { Code: "unknown-observation" } => nameof(Observations),
        _ => nameof(Tone),
    };
}

/// <summary>
/// The review form around all found patterns: one note per pattern, and the pressed button names the verdict and the
/// pattern ("accept:upper-crossed"), so one fixed form name serves every card.
/// </summary>
public sealed class PatternReviewInput
{
    public const string Accept = "accept";
    public const string Dismiss = "dismiss";
    public const int MaxNoteLength = 2000;

    public Dictionary<string, string> Notes { get; set; } = new(StringComparer.Ordinal);

    public string? Decision { get; set; }

    public void FillMissing() => Notes ??= new(StringComparer.Ordinal);

    public string? NoteFor(string patternId) => Notes.GetValueOrDefault(patternId);

    public (string Verdict, string PatternId) ParseDecision()
    {
        var text = Decision ?? "";
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (text, "") : (text[..colon], text[(colon + 1)..]);
    }

    public static string ValueFor(string verdict, string patternId) => $"{verdict}:{patternId}";

    public static string NoteField(string patternId) => $"{nameof(Notes)}[{patternId}]";
}

/// <summary>Completing the assessment: when the patient should be seen again.</summary>
public sealed class CompleteInput
{
    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    public DateOnly? ReassessmentDue { get; set; }
}
