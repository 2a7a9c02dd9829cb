namespace RugcentrumPortal.Web.Features.Intake;

public enum CommandStatus
{
    Done,

    /// <summary>The record does not exist or is out of the user's reach; the page answers 404.</summary>
    NotFound,

    /// <summary>The record may not change any more (e.g. completed); <see cref="CommandResult.Message"/> says why.</summary>
    Refused,

    /// <summary>The input has errors; nothing was saved.</summary>
    Invalid,
}

/// <summary>A message for one input field, keyed by the field's name in the input model (e.g. "Answers[night-pain]").</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>What a command did, in a form a page can show.</summary>
public sealed record CommandResult(CommandStatus Status, IReadOnlyList<FieldError> Errors, string? Message = null, Guid? Id = null)
{
    public static CommandResult NotFound { get; } = new(CommandStatus.NotFound, []);

    public static CommandResult Done(Guid? id = null) => new(CommandStatus.Done, [], null, id);

    public static CommandResult Refused(string message) => new(CommandStatus.Refused, [], message);

    public static CommandResult Invalid(IReadOnlyList<FieldError> errors) => new(CommandStatus.Invalid, errors);

    public bool Succeeded => Status == CommandStatus.Done;

    public IEnumerable<string> ErrorsFor(string field) => Errors.Where(e => e.Field == field).Select(e => e.Message);
}

public static class FieldErrors
{
    /// <summary>The model's data-annotation rules (lengths, required), with messages in the current UI culture.</summary>
    public static List<FieldError> FromAnnotations(object model)
    {
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(model, new(model), results, validateAllProperties: true);
        return [.. results.SelectMany(r => r.MemberNames.Select(member => new FieldError(member, r.ErrorMessage ?? "")))];
    }
}

public static class InputText
{
    /// <summary>Blank text is stored as no text; other text without its surrounding white space.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
