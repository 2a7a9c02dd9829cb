using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Web.Infrastructure.Access;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Web.Data;
using RugcentrumPortal.Web.Features.Safety;
using RugcentrumPortal.Web.Features.Patients;
using RugcentrumPortal.Web.Infrastructure;

namespace RugcentrumPortal.Web.Features.Dashboard;

public sealed record DashboardItem(Guid PatientId, string PatientName, Guid AssessmentId, DateTimeOffset Date, Urgency? Urgency, DateOnly? DueOn);

public sealed record DashboardData(List<DashboardItem> OpenDecisions, List<DashboardItem> Drafts, List<DashboardItem> ReassessmentsDue);

/// <summary>What needs the therapist's attention: their own patients and their own assessments.</summary>
public static class DashboardQueries
{
    /// <summary>Re-assessments show up this many days before they are due.</summary>
    public const int DueSoonDays = 7;

    public static async Task<DashboardData> LoadAsync(AppDbContext db, CurrentUser user, DateOnly today)
    {
        var me = user.UserId;
        var mine = db.Assessments.VisibleTo(user).Where(a => a.TherapistId == me || a.Patient!.TherapistId == me);

        // Urgency is stored by name, so the most urgent-first order is applied after loading.
        var openDecisions = (await mine
            .Where(PlanGate.HoldsBackPlans)
            .Select(a => new DashboardItem(a.PatientId, a.Patient!.FirstName + " " + a.Patient.LastName, a.Id, a.ScreenedAt ?? a.UpdatedAt, a.HighestUrgency, null))
            .ToListAsync())
            .OrderByDescending(i => i.Urgency).ThenBy(i => i.Date)
            .ToList();

        var drafts = await mine
            .Where(a => a.Status == AssessmentStatus.Draft && a.TherapistId == me)
            .OrderBy(a => a.UpdatedAt)
            .Select(a => new DashboardItem(a.PatientId, a.Patient!.FirstName + " " + a.Patient.LastName, a.Id, a.UpdatedAt, null, null))
            .ToListAsync();

        // Only a patient's latest completed assessment sets when they are due again.
        var dueBy = today.AddDays(DueSoonDays);
        var due = await mine
            .Where(a => a.Status == AssessmentStatus.Completed && a.ReassessmentDue != null && a.ReassessmentDue <= dueBy)
            .Where(a => !db.Assessments.Any(later => later.PatientId == a.PatientId && later.CreatedAt > a.CreatedAt))
            .OrderBy(a => a.ReassessmentDue)
            .Select(a => new DashboardItem(a.PatientId, a.Patient!.FirstName + " " + a.Patient.LastName, a.Id, a.CompletedAt ?? a.UpdatedAt, null, a.ReassessmentDue))
            .ToListAsync();

        return new DashboardData(openDecisions, drafts, due);
    }
}
