namespace RugcentrumPortal.Data;

/// <summary>
/// The one access rule, as data the database context's query filters read on every query (ADR 0006):
/// therapists reach their own practice's patients and everything recorded about them; a patient reaches their own
/// record, logs, check-ins, measurements and the active version of their plan; administrators and anonymous
/// visitors reach no care records. <see cref="AcrossPractices"/> is the named way out for the few places that must
/// look across, each with its reason.
/// </summary>
public sealed record AccessScope
{
    private AccessScope(Guid? practiceId, string? patientUserId, string? acrossPracticesReason)
    {
        PracticeId = practiceId;
        PatientUserId = patientUserId;
        AcrossPracticesReason = acrossPracticesReason;
    }

    public static AccessScope Nobody { get; } = new(null, null, null);

    public static AccessScope ForPractice(Guid practiceId) => new(practiceId, null, null);

    public static AccessScope ForPatientAccount(string userId) => new(null, userId, null);

    /// <summary>
    /// Sees every practice's records. For work no single user's rights describe: accepting an invitation before
    /// the patient has an account, seeding the demo, migrations, scheduled jobs, tests that arrange data.
    /// </summary>
    public static AccessScope AcrossPractices(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new AccessScope(null, null, reason);
    }

    /// <summary>The practice whose records a therapist reaches.</summary>
    public Guid? PracticeId { get; }

    /// <summary>The account of the patient who reaches their own records.</summary>
    public string? PatientUserId { get; }

    public string? AcrossPracticesReason { get; }

    public bool SeesAllPractices => AcrossPracticesReason is not null;
}
