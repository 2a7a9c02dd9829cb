using RugcentrumPortal.Web.Infrastructure.Access;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Infrastructure;

namespace RugcentrumPortal.Web.Features.Patients;

public static class PatientAccess
{
    /// <summary>
    /// The one rule for which patient records a user may see: therapists their own practice's patients,
    /// patients only themselves, administrators none (they manage accounts, not care).
    /// </summary>
    public static IQueryable<Patient> VisibleTo(this IQueryable<Patient> patients, CurrentUser user)
    {
        if (!user.IsAuthenticated)
        {
            return patients.Where(_ => false);
        }
        if (user.IsTherapist)
        {
            var practiceId = user.PracticeId;
            return patients.Where(p => p.PracticeId == practiceId);
        }
        if (user.IsPatient)
        {
            var userId = user.UserId;
            return patients.Where(p => p.UserId == userId);
        }
        return patients.Where(_ => false);
    }

    /// <summary>Assessments are care records: only therapists of the patient's practice see them.</summary>
    public static IQueryable<ClinicalAssessment> VisibleTo(this IQueryable<ClinicalAssessment> assessments, CurrentUser user) =>
        OfVisiblePatients(assessments, user, patientSeesOwn: false);

    public static IQueryable<OutcomeMeasurement> VisibleTo(this IQueryable<OutcomeMeasurement> measurements, CurrentUser user) =>
        OfVisiblePatients(measurements, user, patientSeesOwn: true);

    public static IQueryable<SessionLog> VisibleTo(this IQueryable<SessionLog> logs, CurrentUser user) =>
        OfVisiblePatients(logs, user, patientSeesOwn: true);

    public static IQueryable<WeeklyCheckIn> VisibleTo(this IQueryable<WeeklyCheckIn> checkIns, CurrentUser user) =>
        OfVisiblePatients(checkIns, user, patientSeesOwn: true);

    /// <summary>Invitations are handled by therapists; the patient uses the link, not the record.</summary>
    public static IQueryable<PatientInvitation> VisibleTo(this IQueryable<PatientInvitation> invitations, CurrentUser user) =>
        OfVisiblePatients(invitations, user, patientSeesOwn: false);

    /// <summary>
    /// Therapists see every plan version and template of their practice; a patient sees only the active version
    /// of their own plan, never drafts or superseded versions.
    /// </summary>
    public static IQueryable<RecoveryPlan> VisibleTo(this IQueryable<RecoveryPlan> plans, CurrentUser user)
    {
        if (!user.IsAuthenticated)
        {
            return plans.Where(_ => false);
        }
        if (user.IsTherapist)
        {
            var practiceId = user.PracticeId;
            return plans.Where(p => p.PracticeId == practiceId);
        }
        if (user.IsPatient)
        {
            var userId = user.UserId;
            return plans.Where(p => p.Status == PlanStatus.Active && p.Patient!.UserId == userId);
        }
        return plans.Where(_ => false);
    }

    /// <summary>The same rule as for the patient records themselves, applied through the record's patient.</summary>
    private static IQueryable<T> OfVisiblePatients<T>(IQueryable<T> records, CurrentUser user, bool patientSeesOwn)
        where T : class, IPatientRecord
    {
        if (!user.IsAuthenticated)
        {
            return records.Where(_ => false);
        }
        if (user.IsTherapist)
        {
            var practiceId = user.PracticeId;
            return records.Where(r => r.Patient!.PracticeId == practiceId);
        }
        if (user.IsPatient && patientSeesOwn)
        {
            var userId = user.UserId;
            return records.Where(r => r.Patient!.UserId == userId);
        }
        return records.Where(_ => false);
    }
}
