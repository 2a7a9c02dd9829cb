using System.Linq.Expressions;
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
        // Urgency is stored by name, so the most urgent-first order is applied after loading.
        var openDecisions = (await Mine(db, me, PlanGate.HoldsBackPlans)
            .Select(a => new DashboardItem(a.PatientId, a.Patient!.FirstName + " " + a.Patient.LastName, a.Id, a.ScreenedAt ?? a.UpdatedAt, a.HighestUrgency, null))
            .ToListAsync(cancellationToken))
            .OrderByDescending(i => i.Urgency).ThenBy(i => i.Date)
            .ToList();

        // A draft is always the therapist's own.
        var drafts = await db.Assessments
            .Where(a => a.TherapistId == me && a.Status == AssessmentStatus.Draft)
            .OrderBy(a => a.UpdatedAt)
            .Select(a => new DashboardItem(a.PatientId, a.Patient!.FirstName + " " + a.Patient.LastName, a.Id, a.UpdatedAt, null, null))
            .ToListAsync(cancellationToken);

        // Only a patient's latest completed assessment sets when they are due again.
        var dueBy = today.AddDays(DueSoonDays);
        var due = await Mine(db, me, a => a.Status == AssessmentStatus.Completed && a.ReassessmentDue != null && a.ReassessmentDue <= dueBy)
            .Where(a => !db.Assessments.Any(later => later.PatientId == a.PatientId && later.CreatedAt > a.CreatedAt))
            .OrderBy(a => a.ReassessmentDue)
            .Select(a => new DashboardItem(a.PatientId, a.Patient!.FirstName + " " + a.Patient.LastName, a.Id, a.CompletedAt ?? a.UpdatedAt, null, a.ReassessmentDue))
            .ToListAsync(cancellationToken);

        return new DashboardData(Local(openDecisions), Local(drafts), Local(due), today);
    }

    /// <summary>
    /// The therapist's assessments that meet <paramref name="condition"/>: those they made and those of their patients.
    /// Two indexed halves, not one OR across the patient join (which read every practice's assessments), each with
    /// the condition inside so an index on it serves, united on the id alone rather than on every column.
    /// </summary>
    private static IQueryable<ClinicalAssessment> Mine(AppDbContext db, string me, Expression<Func<ClinicalAssessment, bool>> condition)
    {
        var ids = db.Assessments.Where(a => a.TherapistId == me).Where(condition).Select(a => a.Id)
            .Union(db.Assessments.Where(a => a.Patient!.TherapistId == me).Where(condition).Select(a => a.Id));
        return db.Assessments.Where(a => ids.Contains(a.Id));
    }

    private List<DashboardItem> Local(List<DashboardItem> items) => [.. items.Select(i => i with { Date = clock.Local(i.Date) })];
}
