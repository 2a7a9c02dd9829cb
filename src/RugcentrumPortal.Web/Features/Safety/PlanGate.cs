using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.Safety;

/// <summary>
/// Whether a plan may go live for a patient, and if not, which assessment holds it back and whether only a medical
/// clearance can release it.
/// </summary>
public sealed record GoLiveVerdict(Guid? BlockingAssessmentId, bool NeedsClearance = false)
{
    public static GoLiveVerdict Open { get; } = new((Guid?)null);

    public bool MayGoLive => BlockingAssessmentId is null;
}

/// <summary>
/// The one red-flag gate. A screening that concluded niet-pluis holds back every plan of the patient until what its
/// tier needs is recorded: at the GP-consultation tier a referral or a reasoned decision (or a clearance); at the
/// urgent-GP and emergency tiers only a documented medical clearance, because a referral or a reason does not show
/// that the serious cause was excluded. The patient's latest screening decides. The plan page, activation, the
/// assessment overview and the therapist's overview all ask here, so they cannot disagree.
/// </summary>
public static class PlanGate
{
    /// <summary>
    /// The rule for one assessment, as a query every provider can translate (the therapist's overview lists these).
    /// It mirrors <see cref="RedFlagScreener.RequiredUnlock(Urgency)"/>; a test holds the two together.
    /// </summary>
    public static readonly Expression<Func<ClinicalAssessment, bool>> HoldsBackPlans =
        a => a.Conclusion == ScreeningConclusion.NietPluis
            && a.ClearanceRecordedAt == null
            && (a.DecisionKind == null || a.HighestUrgency == Urgency.UrgentGp || a.HighestUrgency == Urgency.Emergency);

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
            .Select(a => new { a.Id, a.HighestUrgency })
            .FirstOrDefaultAsync(cancellationToken);
        return blocking is null
            ? GoLiveVerdict.Open
            : new GoLiveVerdict(blocking.Id, RedFlagScreener.RequiredUnlock(blocking.HighestUrgency ?? Urgency.None) == PlanUnlock.MedicalClearance);
    }
}
