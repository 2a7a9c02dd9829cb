using System.ComponentModel.DataAnnotations;

namespace RugcentrumPortal.Web.Features.Intake;

/// <summary>A physician's clearance after an urgent or emergency screening, as the therapist fills it in.</summary>
public sealed class ClearanceInput
{
    public const int NameLength = 200;
    public const int RoleLength = 100;

    [MaxLength(NameLength, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string? ClearedBy { get; set; }

    [MaxLength(RoleLength, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string? Role { get; set; }

    /// <summary>As text (yyyy-MM-dd), so a day that cannot be read gets its own message.</summary>
    public string? Date { get; set; }

    [MaxLength(IntakeInput.TextLength, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string? Excluded { get; set; }
}
