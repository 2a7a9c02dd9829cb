using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Web.Data;

namespace RugcentrumPortal.Web.Features.Outcomes;

/// <summary>
/// A new PSK starts with the activities of the previous one: change is only judged per activity when the
/// activities are the same, and retyping them invites small spelling differences.
/// </summary>
public static class PskDefaults
{
    public static async Task FillAsync(IQueryable<OutcomeMeasurement> visible, Guid patientId, OutcomeInput input)
    {
        var labels = await visible
            .Where(m => m.PatientId == patientId && m.InstrumentId == OutcomeForms.Psk && m.Status == OutcomeStatus.Completed)
            .OrderByDescending(m => m.CompletedAt)
            .Select(m => m.Activities)
            .FirstOrDefaultAsync();
        for (var i = 0; labels is not null && i < labels.Count && i < input.Activities.Count; i++)
        {
            input.Activities[i].Label = labels[i];
        }
    }
}
