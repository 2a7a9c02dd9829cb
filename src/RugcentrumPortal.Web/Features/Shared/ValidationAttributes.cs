using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.Shared;

/// <summary>An e-mail address a mail server would accept: one @, a dotted domain, no spaces or display name.</summary>
public sealed class StrictEmailAttribute : ValidationAttribute
{
    public StrictEmailAttribute()
        : base(() => ValidationText.Email)
    {
    }

    public override bool IsValid(object? value) =>
        value is not string text || string.IsNullOrWhiteSpace(text) || IsValidAddress(text.Trim());

    public static bool IsValidAddress(string text) =>
        MailAddress.TryCreate(text, out var address)
        && address.Address == text
        && address.Host.Contains('.')
        && !address.Host.StartsWith('.') && !address.Host.EndsWith('.')
        && !text.Any(char.IsWhiteSpace);
}

/// <summary>A date of birth that is not in the future and not more than 120 years ago.</summary>
public sealed class PlausibleBirthDateAttribute : ValidationAttribute
{
    public const int MaximumAge = 120;

    public PlausibleBirthDateAttribute()
        : base(() => ValidationText.BirthDate)
    {
    }

    public override bool RequiresValidationContext => true;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not DateOnly date)
        {
            return ValidationResult.Success;
        }
        // "Today" is the practice's date, from the one clock the validating form or service provides.
        var clock = validationContext.GetService(typeof(PracticeClock)) as PracticeClock
            ?? throw new InvalidOperationException("Validating a birth date needs the PracticeClock among the validation context's services.");
        var today = clock.Today;
        return date <= today && date > today.AddYears(-MaximumAge)
            ? ValidationResult.Success
            : new ValidationResult(FormatErrorMessage(validationContext.DisplayName), validationContext.MemberName is { } member ? [member] : null);
    }
}
