using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Safety;
using RugcentrumPortal.Web.Infrastructure.Access;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.Dashboard;

/// <summary>One line on the overview; <see cref="Date"/> in practice time.</summary>
public sealed record DashboardItem(Guid PatientId, string PatientName, Guid AssessmentId, DateTimeOffset Date, Urgency? Urgency, DateOnly? DueOn);

/// <summary>The overview as of <see cref="Today"/>, the practice's date.</summary>
public sealed record DashboardData(IReadOnlyList<DashboardItem> OpenDecisions, IReadOnlyList<DashboardItem> Drafts,
    IReadOnlyList<DashboardItem> ReassessmentsDue, DateOnly Today);

/// <summary>What needs the therapist's attention: their own patients and their own assessments.</summary>
public sealed class DashboardService(IDbContextFactory<AppDbContext> contexts, CurrentUser user, PracticeClock clock)
{
    /// <summary>Re-assessments show up this many days before they are due.</summary>
    public const int DueSoonDays = 7;

    public async Task<DashboardData> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var me = user.UserId;
        var today = clock.Today;
        // Two indexed halves instead of one OR across the join, which made the database read every practice's
        // assessments: the overview's cost grew with the whole database (bench/README.md, growth).
        var mine = db.Assessments.Where(a => a.TherapistId == me)
            .Union(db.Assessments.Where(a => a.Patient!.TherapistId == me));

        // Urgency is stored by name, so the most urgent-first order is applied after loading.
        var openDecisions = (await mine
            .Where(PlanGate.HoldsBackPlans)
            .Select(a => new DashboardItem(a.PatientId, a.Patient!.FirstName + " " + a.Patient.LastName, a.Id, a.ScreenedAt ?? a.UpdatedAt, a.HighestUrgency, null))
            .ToListAsync(cancellationToken))
            .OrderByDescending(i => i.Urgency).ThenBy(i => i.Date)
            .ToList();

        var drafts = await mine
            .Where(a => a.Status == AssessmentStatus.Draft && a.TherapistId == me)
            .OrderBy(a => a.UpdatedAt)
            .Select(a => new DashboardItem(a.PatientId, a.Patient!.FirstName + " " + a.Patient.LastName, a.Id, a.UpdatedAt, null, null))
            .ToListAsync(cancellationToken);

        // Only a patient's latest completed assessment sets when they are due again.
        var dueBy = today.AddDays(DueSoonDays);
        var due = await mine
            .Where(a => a.Status == AssessmentStatus.Completed && a.ReassessmentDue != null && a.ReassessmentDue <= dueBy)
            .Where(a => !db.Assessments.Any(later => later.PatientId == a.PatientId && later.CreatedAt > a.CreatedAt))
            .OrderBy(a => a.ReassessmentDue)
            .Select(a => new DashboardItem(a.PatientId, a.Patient!.FirstName + " " + a.Patient.LastName, a.Id, a.CompletedAt ?? a.UpdatedAt, null, a.ReassessmentDue))
            .ToListAsync(cancellationToken);

        return new DashboardData(Local(openDecisions), Local(drafts), Local(due), today);
    }

    private List<DashboardItem> Local(List<DashboardItem> items) => [.. items.Select(i => i with { Date = clock.Local(i.Date) })];
}
