using System.ComponentModel.DataAnnotations;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.PatientPortal;

/// <summary>
/// The session log form as typed. Numbers stay text until validated, so anything a browser or a tampered form
/// sends gets a Dutch message at its field instead of a binding error.
/// </summary>
public sealed class SessionLogInput : IValidatableObject
{
    public const int NoteMaxLength = 1000;

    public string? Outcome { get; set; }
    public string? Pain { get; set; }
    public string? Tension { get; set; }
    public string? Difficulty { get; set; }

    [MaxLength(NoteMaxLength, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string? Note { get; set; }

    public string? SubmissionId { get; set; }

    /// <summary>Only the names the form offers; Enum.TryParse alone would also accept numbers like "7".</summary>
    public SessionOutcome? ParsedOutcome => Enum.GetNames<SessionOutcome>().Contains(Outcome) ? Enum.Parse<SessionOutcome>(Outcome!) : null;
    public int? ParsedPain => ParseScale(Pain);
    public int? ParsedTension => ParseScale(Tension);
    public int? ParsedDifficulty => ParseScale(Difficulty);
    public Guid? ParsedSubmissionId => Guid.TryParse(SubmissionId, out var id) && id != Guid.Empty ? id : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ParsedOutcome is null)
        {
            yield return new(Text("Portal.Validation.Outcome"), [nameof(Outcome)]);
        }
        if (!IsInRange(Pain, 0, 10))
        {
            yield return new(Text("Portal.Validation.Scale"), [nameof(Pain)]);
        }
        if (!IsInRange(Tension, 0, 10))
        {
            yield return new(Text("Portal.Validation.Scale"), [nameof(Tension)]);
        }
        if (!IsInRange(Difficulty, 1, 5))
        {
            yield return new(Text("Portal.Validation.Difficulty"), [nameof(Difficulty)]);
        }
        if (ParsedSubmissionId is null)
        {
            yield return new(Text("Portal.Validation.Expired"), [nameof(SubmissionId)]);
        }
    }

    /// <summary>Empty is allowed (the scales are optional); otherwise a whole number within the bounds.</summary>
    public static bool IsInRange(string? text, int min, int max) =>
        string.IsNullOrWhiteSpace(text) || (int.TryParse(text.Trim(), out var value) && value >= min && value <= max);

    private static string Text(string key) => Texts.Manager.GetString(key) ?? key;

    private static int? ParseScale(string? text) => int.TryParse(text?.Trim(), out var value) ? value : null;
}
