using System.ComponentModel.DataAnnotations;

namespace RugcentrumPortal.Web.Features.Passwords;

/// <summary>A new password typed twice, and on the change page the current one.</summary>
public sealed class PasswordInput
{
    public string Current { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    public string Password { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    public string Repeat { get; set; } = "";
}
