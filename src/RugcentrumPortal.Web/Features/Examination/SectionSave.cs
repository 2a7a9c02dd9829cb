using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using RugcentrumPortal.Web.Features.Intake;

namespace RugcentrumPortal.Web.Features.Examination;

/// <summary>
/// What a section shows after a save: the service's field messages in the section's EditContext, and one status
/// line. Typed values stay as they are whatever the outcome.
/// </summary>
public sealed class SectionSave
{
    private readonly ValidationMessageStore messages;

    public SectionSave(object model)
    {
        Context = new EditContext(model);
        messages = new ValidationMessageStore(Context);
    }

    public EditContext Context { get; }
    public string? Status { get; private set; }
    public bool IsProblem { get; private set; }

    public bool Has(string field) => Context.GetValidationMessages(Field(field)).Any();

    public FieldIdentifier Field(string field) => new(Context.Model, field);

    /// <summary>Takes in a save's result; true when it was stored.</summary>
    public bool Take(CommandResult result, IStringLocalizer<Texts> T)
    {
        messages.Clear();
        switch (result.Status)
        {
            case CommandStatus.Done:
                (Status, IsProblem) = (T["Exam.Saved"], false);
                break;
            case CommandStatus.Invalid:
                foreach (var error in result.Errors)
                {
                    messages.Add(Field(error.Field), error.Message);
                }
                (Status, IsProblem) = (T["Exam.NotSaved"], true);
                break;
            default:
                (Status, IsProblem) = (result.Message ?? T["Exam.Problem.Other"], true);
                break;
        }
        Context.NotifyValidationStateChanged();
        return result.Succeeded;
    }
}
