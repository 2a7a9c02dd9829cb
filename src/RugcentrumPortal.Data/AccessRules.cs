using Microsoft.EntityFrameworkCore;

namespace RugcentrumPortal.Data;

/// <summary>
/// The one access rule (ADR 0006), applied by the database context to every query over care records, so no page or
/// service can forget it. Filters read the context's scope when a query runs, never when the model is built.
/// </summary>
public partial class AppDbContext
{
    private bool ScopeSeesAll => Scope.SeesAllPractices;
    private Guid? ScopePracticeId => Scope.PracticeId;
    private string? ScopePatientUserId => Scope.PatientUserId;

    private void ApplyAccessRules(ModelBuilder builder)
    {
        builder.Entity<Patient>().HasQueryFilter(p =>
            ScopeSeesAll || p.PracticeId == ScopePracticeId || (ScopePatientUserId != null && p.UserId == ScopePatientUserId));

        // Assessments are the therapist's working record; the patient does not see them.
        builder.Entity<ClinicalAssessment>().HasQueryFilter(a =>
            ScopeSeesAll || a.Patient!.PracticeId == ScopePracticeId);
        builder.Entity<MuscleRatingEntry>().HasQueryFilter(r =>
            ScopeSeesAll || Assessments.Any(a => a.Id == r.AssessmentId));
        builder.Entity<PatternReview>().HasQueryFilter(r =>
            ScopeSeesAll || Assessments.Any(a => a.Id == r.AssessmentId));
        builder.Entity<MovementTestEntry>().HasQueryFilter(t =>
            ScopeSeesAll || Assessments.Any(a => a.Id == t.AssessmentId));
        builder.Entity<ExaminationRecord>().HasQueryFilter(e =>
            ScopeSeesAll || Assessments.Any(a => a.Id == e.AssessmentId));

        // Invitations are handled by therapists; the patient uses the link, not the record.
        builder.Entity<PatientInvitation>().HasQueryFilter(i =>
            ScopeSeesAll || i.Patient!.PracticeId == ScopePracticeId);

        builder.Entity<OutcomeMeasurement>().HasQueryFilter(m =>
            ScopeSeesAll || m.Patient!.PracticeId == ScopePracticeId
            || (ScopePatientUserId != null && m.Patient!.UserId == ScopePatientUserId));
        builder.Entity<SessionLog>().HasQueryFilter(l =>
            ScopeSeesAll || l.Patient!.PracticeId == ScopePracticeId
            || (ScopePatientUserId != null && l.Patient!.UserId == ScopePatientUserId));
        builder.Entity<WeeklyCheckIn>().HasQueryFilter(c =>
            ScopeSeesAll || c.Patient!.PracticeId == ScopePracticeId
            || (ScopePatientUserId != null && c.Patient!.UserId == ScopePatientUserId));

        // Reminders, devices and messages: the patient's own, and their practice's.
        builder.Entity<ReminderSettings>().HasQueryFilter(r =>
            ScopeSeesAll || r.Patient!.PracticeId == ScopePracticeId
            || (ScopePatientUserId != null && r.Patient!.UserId == ScopePatientUserId));
        builder.Entity<ReminderDelivery>().HasQueryFilter(r =>
            ScopeSeesAll || r.Patient!.PracticeId == ScopePracticeId
            || (ScopePatientUserId != null && r.Patient!.UserId == ScopePatientUserId));
        builder.Entity<PushDevice>().HasQueryFilter(d =>
            ScopeSeesAll || d.Patient!.PracticeId == ScopePracticeId
            || (ScopePatientUserId != null && d.Patient!.UserId == ScopePatientUserId));
        builder.Entity<PortalMessage>().HasQueryFilter(m =>
            ScopeSeesAll || m.Patient!.PracticeId == ScopePracticeId
            || (ScopePatientUserId != null && m.Patient!.UserId == ScopePatientUserId));

        // A patient sees their own request to erase; the practice handles it.
        builder.Entity<ErasureRequest>().HasQueryFilter(r =>
            ScopeSeesAll || r.Patient!.PracticeId == ScopePracticeId
            || (ScopePatientUserId != null && r.Patient!.UserId == ScopePatientUserId));

        // Whether a therapist has read a patient's signal is the practice's business, not the patient's.
        builder.Entity<FeedbackReceipt>().HasQueryFilter(r =>
            ScopeSeesAll || r.Patient!.PracticeId == ScopePracticeId);

        // Therapists see every version and the practice's templates; a patient only the active version of their own plan.
        builder.Entity<RecoveryPlan>().HasQueryFilter(p =>
            ScopeSeesAll || p.PracticeId == ScopePracticeId
            || (ScopePatientUserId != null && p.Status == PlanStatus.Active && p.Patient!.UserId == ScopePatientUserId));
        builder.Entity<PlanExercise>().HasQueryFilter(e =>
            ScopeSeesAll || Plans.Any(p => p.Id == e.PlanId));
        builder.Entity<PlanPhase>().HasQueryFilter(ph =>
            ScopeSeesAll || Plans.Any(p => p.Id == ph.PlanId));

        // The access log: a patient reads who looked at their own record; the practice's administrator reads the
        // practice's log through the named way out, narrowed to that practice (see the access log's search).
        builder.Entity<AccessLogEntry>().HasQueryFilter(e =>
            ScopeSeesAll || (ScopePatientUserId != null && Patients.Any(p => p.Id == e.PatientId && p.UserId == ScopePatientUserId)));

        // A practice's own photos and videos: its therapists see them all; a patient those of the exercises in the
        // plan they may see (the active version of their own), and only from the practice that made that plan.
        builder.Entity<ExerciseMediaItem>().HasQueryFilter(m =>
            ScopeSeesAll || m.PracticeId == ScopePracticeId
            || (ScopePatientUserId != null && Plans.Any(p => p.PracticeId == m.PracticeId && p.Exercises.Any(e => e.ExerciseId == m.ExerciseId))));

        // A practice's own exercises: its therapists see them all (archived too); a patient those in the plan they
        // may see, from the practice that made that plan.
        builder.Entity<PracticeExercise>().HasQueryFilter(x =>
            ScopeSeesAll || x.PracticeId == ScopePracticeId
            || (ScopePatientUserId != null && Plans.Any(p => p.PracticeId == x.PracticeId && p.Exercises.Any(e => e.ExerciseId == x.Id))));
    }
}
