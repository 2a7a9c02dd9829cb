using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.Safety;

/// <summary>Whether a plan may go live for a patient, and if not, which assessment holds it back.</summary>
public sealed record GoLiveVerdict(Guid? BlockingAssessmentId)
{
    public static GoLiveVerdict Open { get; } = new((Guid?)null);

    public bool MayGoLive => BlockingAssessmentId is null;
}

/// <summary>
/// The one red-flag gate. A screening that concluded niet-pluis holds back every plan of the patient until the
/// therapist records what was done about it; the patient's latest screening decides. The plan page, activation,
/// the assessment overview and the therapist's overview all ask here, so they cannot disagree.
/// </summary>
public static class PlanGate
{
    /// <summary>The rule for one assessment, as a query the database can run (the therapist's overview lists these).</summary>
    public static readonly Expression<Func<ClinicalAssessment, bool>> HoldsBackPlans =
        a => a.Conclusion == ScreeningConclusion.NietPluis && a.DecisionKind == null;

    private static readonly Func<ClinicalAssessment, bool> HoldsBackPlansCompiled = HoldsBackPlans.Compile();

    /// <summary>The same rule for an assessment already loaded.</summary>
    public static bool HoldsBack(ClinicalAssessment assessment) => HoldsBackPlansCompiled(assessment);

    /// <summary>The verdict for a patient: their latest screened assessment decides.</summary>
    public static async Task<GoLiveVerdict> ForPatientAsync(AppDbContext db, Guid patientId, CancellationToken cancellationToken)
    {
        var blocking = await db.Assessments
            .Where(a => a.PatientId == patientId && a.Conclusion != null)
            .OrderByDescending(a => a.CreatedAt)
            .Take(1)
            .Where(HoldsBackPlans)
            .Select(a => (Guid?)a.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return new GoLiveVerdict(blocking);
    }
}
