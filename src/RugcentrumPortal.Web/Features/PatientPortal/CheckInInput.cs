using System.ComponentModel.DataAnnotations;

namespace RugcentrumPortal.Web.Features.PatientPortal;

/// <summary>The weekly check-in as typed; the pain score stays text until validated so any post gets a Dutch message.</summary>
public sealed class CheckInInput : IValidatableObject
{
    public bool LessTensionNeck { get; set; }
    public bool LessTensionShoulders { get; set; }
    public bool LessTensionLowBack { get; set; }
    public bool SmootherMovement { get; set; }
    public bool EasierBreathing { get; set; }
    public bool ExercisesFeelEasier { get; set; }

    public string? Nprs { get; set; }

    [MaxLength(SessionLogInput.NoteMaxLength, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string? Note { get; set; }

    public int? ParsedNprs => int.TryParse(Nprs?.Trim(), out var value) ? value : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Nprs))
        {
            yield return new(ValidationText.Required, [nameof(Nprs)]);
        }
        else if (!SessionLogInput.IsInRange(Nprs, 0, 10))
        {
            yield return new(Texts.Manager.GetString("Portal.Validation.Scale") ?? "", [nameof(Nprs)]);
        }
    }
}
