using System.ComponentModel.DataAnnotations;

namespace RugcentrumPortal.Web.Features.Intake;

/// <summary>The therapist's decision after a niet-pluis screening, as filled in on the overview.</summary>
public sealed class DecisionInput
{
    public const string Referral = "verwijzing";
    public const string Proceed = "behandelen";
    public const int MinimumReasonLength = 10;

    public string? Kind { get; set; }

    [MaxLength(IntakeInput.TextLength, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string? AdviceGiven { get; set; }

    /// <summary><see cref="IntakeInput.Yes"/> or <see cref="IntakeInput.No"/>.</summary>
    public string? GpConsent { get; set; }

    [MaxLength(IntakeInput.TextLength, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string? Reason { get; set; }
}
