using Microsoft.AspNetCore.Components.Forms;
using RugcentrumPortal.Web.Features.Shared;

namespace RugcentrumPortal.Web.Features.PatientPortal;

public enum FormOutcome
{
    Saved,
    NotFound,
    Invalid,

    /// <summary>The patient's plan is paused or their treatment finished: nothing is logged.</summary>
    PlanHeld,
}

/// <summary>
/// What a patient's form post came to. <see cref="Errors"/> maps an input's property name to the message shown at
/// that field, in the user's language.
/// </summary>
public sealed record FormResult(FormOutcome Outcome, IReadOnlyDictionary<string, string> Errors)
{
    private static readonly Dictionary<string, string> None = [];

    public static FormResult Saved { get; } = new(FormOutcome.Saved, None);

    public static FormResult NotFound { get; } = new(FormOutcome.NotFound, None);

    /// <summary>Said to the patient above the page when the post as a whole was refused.</summary>
    public string? Notice { get; init; }

    public static FormResult PlanHeld(string notice) => new(FormOutcome.PlanHeld, None) { Notice = notice };

    public bool IsValid => Errors.Count == 0;

    /// <summary>
    /// The input's own rules, first message per field; null when
    /// the input keeps them.
    /// </summary>
    public static FormResult? Refusal(object input) =>
        InputRules.FirstErrorPerField(input) is { Count: > 0 } errors ? new FormResult(FormOutcome.Invalid, errors) : null;

    /// <summary>Puts the messages at their fields of the form that was posted.</summary>
    public void ShowOn(EditContext form, ValidationMessageStore messages)
    {
        messages.Clear();
        foreach (var (field, message) in Errors)
        {
            messages.Add(form.Field(field), message);
        }
        form.NotifyValidationStateChanged();
    }
}
