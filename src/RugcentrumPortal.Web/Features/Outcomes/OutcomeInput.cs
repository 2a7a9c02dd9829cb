namespace RugcentrumPortal.Web.Features.Outcomes;

/// <summary>
/// What a therapist or patient fills in. Every value stays text until it is scored, so a value that cannot be
/// read is shown back exactly as it was sent, with a message, instead of getting lost in model binding.
/// </summary>
public sealed class OutcomeInput
{
    /// <summary>NPRS only.</summary>
    public string? Value { get; set; }

    /// <summary>PSK only: always <see cref="OutcomeScorer.PskRows"/> rows; empty rows are ignored.</summary>
    public List<PskRowInput> Activities { get; set; } = [];

    /// <summary>Questionnaires only: one entry per item, item 1 first; empty means not answered.</summary>
    public List<string?> Items { get; set; } = [];

    /// <summary>Pads the lists to the form's shape, so a row or item missing from a post still renders.</summary>
    public OutcomeInput Shape(OutcomeForm form)
    {
        if (form.Kind == OutcomeFormKind.Psk)
        {
            while (Activities.Count < OutcomeScorer.PskRows)
            {
                Activities.Add(new PskRowInput());
            }
            Activities = Activities.Take(OutcomeScorer.PskRows).Select(a => a ?? new PskRowInput()).ToList();
        }
        if (form.Kind == OutcomeFormKind.Items)
        {
            while (Items.Count < form.ItemCount)
            {
                Items.Add(null);
            }
            Items = Items.Take(form.ItemCount).ToList();
        }
        return this;
    }

    /// <summary>
    /// A new PSK starts with the activities of the previous one: change is only judged per activity when the
    /// activities are the same, and retyping them invites small spelling differences.
    /// </summary>
    public void StartWithActivities(IReadOnlyList<string> labels)
    {
        for (var i = 0; i < labels.Count && i < Activities.Count; i++)
        {
            Activities[i].Label = labels[i];
        }
    }
}

public sealed class PskRowInput
{
    public string? Label { get; set; }
    public string? Score { get; set; }
}
