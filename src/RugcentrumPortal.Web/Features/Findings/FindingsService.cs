using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.Findings;

/// <summary>
/// What other pages of an assessment show of its examination and of its predecessors: the examination in short and
/// whether there is an earlier completed assessment to compare with. Kept apart from the examination and comparison
/// pages so the overview and the analysis result can show it without depending on those pages.
/// </summary>
public sealed class FindingsService(IDbContextFactory<AppDbContext> contexts)
{
    /// <summary>The examination findings in short; null when the assessment is out of reach.</summary>
    public async Task<ExaminationSummary?> GetSummaryAsync(Guid patientId, Guid assessmentId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var assessment = await db.Assessments.AsNoTracking()
            .Include(a => a.MovementTests)
            .Include(a => a.Examination)
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == assessmentId && a.PatientId == patientId, cancellationToken);
        return assessment is null ? null : ExaminationSummary.Of(assessment);
    }

    /// <summary>Whether this assessment has an earlier completed one with muscle ratings to compare with.</summary>
    public async Task<bool> HasEarlierAsync(Guid patientId, Guid assessmentId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var created = await db.Assessments.Where(a => a.Id == assessmentId && a.PatientId == patientId).Select(a => (DateTimeOffset?)a.CreatedAt).SingleOrDefaultAsync(cancellationToken);
        return created is { } at && await db.Assessments.AnyAsync(a => a.PatientId == patientId && a.Id != assessmentId
            && a.Status == AssessmentStatus.Completed && a.CreatedAt < at && a.Ratings.Any(), cancellationToken);
    }
}
