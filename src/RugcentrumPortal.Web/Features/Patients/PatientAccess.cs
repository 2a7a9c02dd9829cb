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
}
