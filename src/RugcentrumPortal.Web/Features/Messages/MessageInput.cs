using System.ComponentModel.DataAnnotations;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.Messages;

/// <summary>A message as typed, with the submission id of the form it came from (ADR 0010).</summary>
public sealed class MessageInput : IValidatableObject
{
    public string? Text { get; set; }
    public string? SubmissionId { get; set; }

    public Guid? ParsedSubmissionId => Guid.TryParse(SubmissionId, out var id) && id != Guid.Empty ? id : null;

    public static MessageInput New() => new() { SubmissionId = Guid.NewGuid().ToString() };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Text))
        {
            yield return new(Message("Messages.Validation.Empty"), [nameof(Text)]);
        }
        else if (Text.Trim().Length > PortalMessage.MaxLength)
        {
            yield return new(string.Format(Message("Messages.Validation.TooLong"), PortalMessage.MaxLength, Text.Trim().Length), [nameof(Text)]);
        }
        if (ParsedSubmissionId is null)
        {
            yield return new(Message("Portal.Validation.Expired"), [nameof(Text)]);
        }
    }

    private static string Message(string key) => Texts.Manager.GetString(key) ?? key;
}
