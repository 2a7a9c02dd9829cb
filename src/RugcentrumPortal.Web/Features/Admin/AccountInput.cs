using System.ComponentModel.DataAnnotations;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Shared;

namespace RugcentrumPortal.Web.Features.Admin;

public sealed class AccountInput
{
    /// <summary>Staff roles an administrator may hand out; patients get their login through an invitation.</summary>
    public static readonly string[] StaffRoles = [Roles.Therapist, Roles.PracticeAdmin];

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [MaxLength(200, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    [MaxLength(256, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    [StrictEmail]
    public string Email { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    public string Role { get; set; } = Roles.Therapist;

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    public string Password { get; set; } = "";
}
