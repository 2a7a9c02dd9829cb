using RugcentrumPortal.Web.Data;
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
    public static IQueryable<ClinicalAssessment> VisibleTo(this IQueryable<ClinicalAssessment> assessments, CurrentUser user)
    {
        if (!user.IsAuthenticated || !user.IsTherapist)
        {
            return assessments.Where(_ => false);
        }
        var practiceId = user.PracticeId;
        return assessments.Where(a => a.Patient!.PracticeId == practiceId);
    }

    /// <summary>Therapists see their practice's measurements; a patient sees only their own.</summary>
    public static IQueryable<OutcomeMeasurement> VisibleTo(this IQueryable<OutcomeMeasurement> measurements, CurrentUser user)
    {
        if (!user.IsAuthenticated)
        {
            return measurements.Where(_ => false);
        }
        if (user.IsTherapist)
        {
            var practiceId = user.PracticeId;
            return measurements.Where(m => m.Patient!.PracticeId == practiceId);
        }
        if (user.IsPatient)
        {
            var userId = user.UserId;
            return measurements.Where(m => m.Patient!.UserId == userId);
        }
        return measurements.Where(_ => false);
    }
}
