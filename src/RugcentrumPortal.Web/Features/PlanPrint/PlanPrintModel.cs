using RugcentrumPortal.Clinical.Analysis;
using RugcentrumPortal.Clinical.Exercises;
using RugcentrumPortal.Clinical.Patterns;

namespace RugcentrumPortal.Web.Features.PlanPrint;

public sealed record PrintPhase(RecoveryPhase Phase, string? Goal, DateOnly? ReviewOn);

/// <summary>The latest two completed muscle-balance assessments, compared by the clinical core; dates at the practice.</summary>
public sealed record PrintProgress(DateOnly EarlierOn, DateOnly LaterOn, ReassessmentComparison Comparison);

public sealed record PrintExercise(int Number, Exercise Exercise, string Dosage, string? Instructions, IReadOnlyList<string> Precautions);

/// <summary>Everything the printed plan shows, loaded once; the layout itself does no queries.</summary>
public sealed record PlanPrintModel(
    string PracticeName,
    string? PracticeCity,
    string? PracticePhone,
    string? PracticeEmail,
    string PatientName,
    DateOnly PatientDateOfBirth,
    string? TherapistName,
    string PlanTitle,
    int Version,
    DateOnly? StartsOn,
    DateTimeOffset? ActivatedAt,
    DateOnly PrintedOn,
    string? Notes,
    IReadOnlyList<PrintPhase> Phases,
    IReadOnlyList<PrintExercise> Exercises,
    IReadOnlyList<PrintExercise> SelfCare)
{
    /// <summary>Whose plan and which version: what the access log records for a print or an export.</summary>
    public Guid PatientId { get; init; }
    public Guid PlanId { get; init; }

    /// <summary>Progress between the latest two completed assessments; only on the therapist's print, as assessments are the therapist's record.</summary>
    public PrintProgress? Progress { get; init; }

    /// <summary>The tick-off table covers this many weeks from the start (or print) date.</summary>
    public const int TickWeeks = 4;

    public string FileName(string extension) =>
        $"herstelplan-{Slug(PatientName)}-{PrintedOn:yyyy-MM-dd}.{extension}";

    private static string Slug(string text)
    {
        var normalized = text.Normalize(System.Text.NormalizationForm.FormD);
        var chars = normalized
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        return string.Join('-', new string(chars.ToArray()).Split('-', StringSplitOptions.RemoveEmptyEntries));
    }
}
