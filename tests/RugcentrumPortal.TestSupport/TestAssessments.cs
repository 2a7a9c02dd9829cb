using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.TestSupport;

/// <summary>Assessments as a therapist starts them, for tests and benchmarks that begin at the muscle balance.</summary>
public static class TestAssessments
{
    /// <summary>A draft assessment by the Noord practice's therapist with the given complaint regions, e.g. "neck", "shoulder:right".</summary>
    public static async Task<Guid> DraftAsync(PortalFactory portal, Guid patientId, params string[] complaintRegions)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        var therapistId = (await db.Users.SingleAsync(u => u.Email == Baseline.NoordTherapist)).Id;
        var now = portal.PracticeClock().Now;
        var assessment = new ClinicalAssessment
        {
            PatientId = patientId,
            TherapistId = therapistId,
            CreatedAt = now,
            UpdatedAt = now,
            ComplaintRegions = [.. complaintRegions],
        };
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        return assessment.Id;
    }
}
