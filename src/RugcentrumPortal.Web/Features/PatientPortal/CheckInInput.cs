using System.ComponentModel.DataAnnotations;
using System.Globalization;
using RugcentrumPortal.Data;

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

    public static CheckInInput From(WeeklyCheckIn checkIn) => new()
    {
        LessTensionNeck = checkIn.LessTensionNeck,
        LessTensionShoulders = checkIn.LessTensionShoulders,
        LessTensionLowBack = checkIn.LessTensionLowBack,
        SmootherMovement = checkIn.SmootherMovement,
        EasierBreathing = checkIn.EasierBreathing,
        ExercisesFeelEasier = checkIn.ExercisesFeelEasier,
        Nprs = checkIn.Nprs.ToString(CultureInfo.InvariantCulture),
        Note = checkIn.Note,
    };

    /// <summary>Only for a validated input: the pain score is then a number.</summary>
    public void ApplyTo(WeeklyCheckIn checkIn)
    {
        checkIn.LessTensionNeck = LessTensionNeck;
        checkIn.LessTensionShoulders = LessTensionShoulders;
        checkIn.LessTensionLowBack = LessTensionLowBack;
        checkIn.SmootherMovement = SmootherMovement;
        checkIn.EasierBreathing = EasierBreathing;
        checkIn.ExercisesFeelEasier = ExercisesFeelEasier;
        checkIn.Nprs = ParsedNprs!.Value;
        checkIn.Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
    }
}
