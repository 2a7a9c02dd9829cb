using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Clinical.Analysis;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Balance;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.Examination;

/// <summary>Why there is nothing to compare.</summary>
public enum ComparisonGap
{
    None,

    /// <summary>No completed assessment of this patient came before this one.</summary>
    NoEarlier,

    /// <summary>This assessment has no muscle ratings yet.</summary>
    NoRatingsNow,

    /// <summary>Stored ratings of either assessment no longer pass the clinical core's checks.</summary>
    InvalidStoredData,
}

/// <summary>A later assessment set against the patient's previous completed one; dates at the practice.</summary>
public sealed record ComparisonView
{
    public required string PatientName { get; init; }
    public DateOnly LaterOn { get; init; }
    public Guid? EarlierId { get; init; }
    public DateOnly? EarlierOn { get; init; }
    public ComparisonGap Gap { get; init; }
    public ReassessmentComparison? Comparison { get; init; }
}

/// <summary>
/// Compares muscle-balance assessments of one patient with the clinical core's <see cref="Reassessment"/>: per
/// muscle and side better, same or worse, and per pattern. Only completed assessments count as the earlier one.
/// </summary>
public sealed class ReassessmentService(IDbContextFactory<AppDbContext> contexts, PracticeClock clock)
{
    /// <summary>This assessment against the latest completed assessment made before it; null when out of reach.</summary>
    public async Task<ComparisonView?> CompareAsync(Guid patientId, Guid assessmentId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var later = await Assessments(db).Include(a => a.Patient)
            .SingleOrDefaultAsync(a => a.Id == assessmentId && a.PatientId == patientId, cancellationToken);
        if (later is null)
        {
            return null;
        }
        var earlier = await Assessments(db)
            .Where(a => a.PatientId == patientId && a.Id != later.Id && a.Status == AssessmentStatus.Completed && a.CreatedAt < later.CreatedAt && a.Ratings.Any())
            .OrderByDescending(a => a.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        var view = new ComparisonView
        {
            PatientName = $"{later.Patient!.FirstName} {later.Patient.LastName}",
            LaterOn = clock.DateOf(later.CompletedAt ?? later.CreatedAt),
            EarlierId = earlier?.Id,
            EarlierOn = earlier is null ? null : clock.DateOf(earlier.CompletedAt ?? earlier.CreatedAt),
        };
        return earlier is null ? view with { Gap = ComparisonGap.NoEarlier }
            : later.Ratings.Count == 0 ? view with { Gap = ComparisonGap.NoRatingsNow }
            : Compare(earlier, later) is { } comparison ? view with { Comparison = comparison }
            : view with { Gap = ComparisonGap.InvalidStoredData };
    }

    /// <summary>
    /// The latest two completed assessments with ratings of a patient, compared, for the printed plan; null when
    /// there are fewer than two or their stored data no longer passes. The context's access rule decides the reach.
    /// </summary>
    public static async Task<(DateOnly EarlierOn, DateOnly LaterOn, ReassessmentComparison Comparison)?> LatestTwoAsync(AppDbContext db, PracticeClock clock, Guid patientId, CancellationToken cancellationToken)
    {
        var latest = await Assessments(db)
            .Where(a => a.PatientId == patientId && a.Status == AssessmentStatus.Completed && a.Ratings.Any())
            .OrderByDescending(a => a.CreatedAt)
            .Take(2)
            .ToListAsync(cancellationToken);
        return latest.Count == 2 && Compare(latest[1], latest[0]) is { } comparison
            ? (clock.DateOf(latest[1].CompletedAt ?? latest[1].CreatedAt), clock.DateOf(latest[0].CompletedAt ?? latest[0].CreatedAt), comparison)
            : null;
    }

    private static IQueryable<ClinicalAssessment> Assessments(AppDbContext db) =>
        db.Assessments.AsNoTracking().Include(a => a.Ratings).Include(a => a.MovementTests).AsSplitQuery();

    private static ReassessmentComparison? Compare(ClinicalAssessment earlier, ClinicalAssessment later)
    {
        var analyzer = new BalanceAnalyzer();
        var (before, after) = (BalanceMapping.ToAssessment(earlier), BalanceMapping.ToAssessment(later));
        return analyzer.Validate(before).IsValid && analyzer.Validate(after).IsValid ? analyzer.Compare(before, after) : null;
    }
}
