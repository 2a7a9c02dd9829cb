namespace RugcentrumPortal.Web.Features.AccessLog;

/// <summary>
/// What a logged page or record is about, in the patient's words: the part of their record, not the screen's name.
/// Anything not named here is "your details", so a new page is never shown as a technical name.
/// </summary>
public static class AccessTopics
{
    public const string Details = nameof(Details);

    private static readonly Dictionary<string, string> Topics = new(StringComparer.Ordinal)
    {
        ["PlanPage"] = "Plan", ["PlanEditor"] = "Plan", ["PrintPlan"] = "Plan", ["PlanPdf"] = "Plan",
        ["RecoveryPlan"] = "Plan", ["PlanExercise"] = "Plan", ["PlanPhase"] = "Plan", ["ExercisePage"] = "Plan",
        ["AssessmentOverview"] = "Assessment", ["AssessmentStart"] = "Assessment", ["IntakeForm"] = "Assessment",
        ["ExaminationPage"] = "Assessment", ["ComparisonPage"] = "Assessment", ["BalanceForm"] = "Assessment",
        ["BalanceResult"] = "Assessment", ["ClinicalAssessment"] = "Assessment", ["ExaminationRecord"] = "Assessment",
        ["MuscleRatingEntry"] = "Assessment", ["PatternReview"] = "Assessment", ["MovementTestEntry"] = "Assessment",
        ["OutcomeList"] = "Questionnaires", ["OutcomeEntry"] = "Questionnaires", ["OutcomeMeasurement"] = "Questionnaires",
        ["Questionnaire"] = "Questionnaires",
        ["PatientProgress"] = "Progress", ["MyProgress"] = "Progress", ["SessionLog"] = "Progress",
        ["WeeklyCheckIn"] = "Progress", ["WeeklyCheck"] = "Progress", ["FeedbackReceipt"] = "Progress",
        ["TherapistConversation"] = "Messages", ["PatientMessages"] = "Messages", ["PortalMessage"] = "Messages",
        ["InvitePatient"] = "Invitation", ["InvitationLetterPage"] = "Invitation", ["PatientInvitation"] = "Invitation",
        ["ReminderSettingsPage"] = "Reminders", ["ReminderSettings"] = "Reminders", ["ReminderDelivery"] = "Reminders",
        ["PushDevice"] = "Reminders", ["ErasureRequest"] = "Erasure",
    };

    /// <summary>The text key for a logged subject, e.g. "AccessLog.Topic.Plan".</summary>
    public static string KeyOf(string subject) => "AccessLog.Topic." + Topics.GetValueOrDefault(subject, Details);
}
