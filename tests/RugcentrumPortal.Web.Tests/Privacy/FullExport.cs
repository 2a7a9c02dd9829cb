using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Examination;
using RugcentrumPortal.Clinical.Muscles;
using RugcentrumPortal.Clinical.Patterns;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Tests.Privacy;

/// <summary>
/// A patient with something of every kind the export holds, every optional field filled: an assessment with ratings,
/// pattern reviews, movement tests and an examination, a plan with a phase and an exercise, a questionnaire, logs,
/// a check-in, messages both ways, reminders, a device and a handled erasure request.
/// </summary>
public static class FullExport
{
    /// <summary>28 November 2026 13:05 UTC, 14:05 in the practice: one moment every dated field in the record shares.</summary>
    public static readonly DateTimeOffset Moment = new(2026, 11, 28, 13, 5, 0, TimeSpan.Zero);

    private static ClinicalCatalog Catalogue => ClinicalCatalog.Default;

    /// <summary>The muscle rated in the assessment, whose name the readable export shows instead of its id.</summary>
    public static Muscle RatedMuscle => Catalogue.Muscles.First(m => !m.Name.Get("nl").Contains(m.Id, StringComparison.OrdinalIgnoreCase));

    public static async Task<(Guid PatientId, string Email)> PatientAsync(PortalFactory portal)
    {
        var (patientId, email) = await PrivacyTestKit.PatientWithLoginAsync(portal, Baseline.NoordId, Moment);
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        var patient = await db.Patients.SingleAsync(p => p.Id == patientId);
        var therapistId = await db.Users.Where(u => u.Email == Baseline.NoordTherapist).Select(u => u.Id).SingleAsync();
        patient.TherapistId = therapistId;
        patient.Phone = "06 12345678";

        var assessment = new ClinicalAssessment
        {
            PatientId = patientId, TherapistId = therapistId, Kind = AssessmentKind.Intake, Status = AssessmentStatus.Completed,
            CreatedAt = Moment, UpdatedAt = Moment, CompletedAt = Moment, ComplaintRegions = [Catalogue.Regions[0].Id], ComplaintDescription = "Stijve nek",
            Onset = "Na het tuinieren", Duration = "Drie weken", Course = "Wisselend", Aggravating = "Lang zitten", Easing = "Wandelen",
            History = "Geen", AgeAtOnset = 60, RedFlagsPresent = [Catalogue.RedFlags[0].Id], RedFlagsAbsent = [Catalogue.RedFlags[1].Id], YellowFlags = [Catalogue.YellowFlags[0].Id],
            StressSignals = [Catalogue.StressSignals[0].Id], PrecautionConditions = [Catalogue.PrecautionConditions[0].Id], Conclusion = ScreeningConclusion.Pluis,
            HighestUrgency = Urgency.Note, FlagsFound = [Catalogue.RedFlags[0].Id], ScreenedAt = Moment, DecisionKind = TherapistDecisionKind.ProceedWithReason,
            DecisionReason = "Klachten passen bij houding", AdviceGiven = "Bij koorts bellen", GpConsent = true, DecidedAt = Moment,
            DecidedById = therapistId, ClearedBy = "Huisarts Jansen", ClearanceRole = "Huisarts", ClearedOn = DateOnly.FromDateTime(Moment.Date),
            ClearanceExcluded = "Niets", ClearanceRecordedAt = Moment, ClearanceRecordedById = therapistId, Observations = [Catalogue.Observations[0].Id],
            BalanceNotes = "Schouders hoog", BalanceRecordedAt = Moment, ReassessmentDue = DateOnly.FromDateTime(Moment.Date),
            Ratings = [new MuscleRatingEntry { MuscleId = RatedMuscle.Id, Tone = MuscleTone.Overactive, Intensity = 2, Side = Side.Left }],
            PatternReviews = [new PatternReview { PatternId = Catalogue.Patterns[0].Id, Accepted = true, Note = "Duidelijk", ReviewedAt = Moment }],
            MovementTests = [new MovementTestEntry { TestId = Catalogue.MovementTests[0].Id, Side = Side.Both, Grade = MovementGrade.Deviating, FindingIds = [Catalogue.MovementTests[0].Findings[0].Id] }],
            Examination = new ExaminationRecord
            {
                BreathingPattern = BreathingPattern.Chest, BreathingRate = 16, BreathHoldSeconds = 30, NijmegenItems = [1, 2], BreathingRecordedAt = Moment,
                LateralShift = Side.Left, HighPelvisSide = Side.Right, Sagittal = SagittalPosture.SwayBack, PostureRecordedAt = Moment,
                LeftStrength = NeuroFinding.Normal, LeftSensation = NeuroFinding.Normal, LeftReflexes = ReflexFinding.Reduced,
                LeftStraightLegRaise = NeuroFinding.NotTested, LeftSlump = NeuroFinding.Abnormal, RightStrength = NeuroFinding.Normal,
                RightSensation = NeuroFinding.Normal, RightReflexes = ReflexFinding.Increased, RightStraightLegRaise = NeuroFinding.Normal,
                RightSlump = NeuroFinding.Normal, NeurologicalRecordedAt = Moment,
            },
        };
        db.Assessments.Add(assessment);
        var exercise = new PlanExercise
        {
            Order = 0, Phase = RecoveryPhase.Mobility, ExerciseId = "chin-tuck", Instructions = "Rustig", PrecautionConfirmedAt = Moment,
            PrecautionNote = "Niet doorzetten bij pijn",
            Dosage = new() { Sets = 2, Repetitions = 10, HoldSeconds = 5, RestSeconds = 30, TimesPerDay = 2, TimesPerWeek = 5, Minutes = 10 },
        };
        var plan = new RecoveryPlan
        {
            PracticeId = Baseline.NoordId, PatientId = patientId, TemplateName = "Nek", LineageId = Guid.CreateVersion7(), Status = PlanStatus.Paused,
            Title = "Soepele nek", Notes = "Rustig opbouwen", SourceAssessmentId = assessment.Id, CreatedById = therapistId, CreatedAt = Moment,
            UpdatedAt = Moment, ActivatedAt = Moment, ActivatedById = therapistId, StartsOn = DateOnly.FromDateTime(Moment.Date), StatusChangedAt = Moment,
            StatusChangedById = therapistId, PauseReason = "Op vakantie",
            Phases = [new PlanPhase { Order = 0, Phase = RecoveryPhase.Mobility, Goal = "Soepel bewegen", SuggestedGoalNl = "Soepel", SuggestedGoalEn = "Supple", ReviewOn = DateOnly.FromDateTime(Moment.Date) }],
            Exercises = [exercise],
        };
        db.Plans.Add(plan);
        db.OutcomeMeasurements.Add(new OutcomeMeasurement
        {
            PatientId = patientId, AssessmentId = assessment.Id, InstrumentId = Catalogue.Instruments[0].Id, Status = OutcomeStatus.Completed, RequestedAt = Moment,
            CompletedAt = Moment, RequestedById = therapistId, EnteredByPatient = true, ItemScores = [4, null, 6], Activities = ["Fietsen"], Score = 4.5, Band = "moderate",
        });
        db.SessionLogs.Add(new SessionLog
        {
            PatientId = patientId, PlanId = plan.Id, PlanExerciseId = exercise.Id, ExerciseId = "chin-tuck", Day = DateOnly.FromDateTime(Moment.Date),
            Outcome = SessionOutcome.Partly, Pain = 3, Tension = 4, Difficulty = 2, Note = "Ging goed", SubmissionId = Guid.NewGuid(), CreatedAt = Moment,
        });
        db.WeeklyCheckIns.Add(new WeeklyCheckIn
        {
            PatientId = patientId, WeekStart = DateOnly.FromDateTime(Moment.Date), LessTensionNeck = true, LessTensionShoulders = false, LessTensionLowBack = true,
            SmootherMovement = true, EasierBreathing = false, ExercisesFeelEasier = true, Nprs = 3, Note = "Beter", CreatedAt = Moment,
        });
        db.Messages.Add(new PortalMessage
        {
            PatientId = patientId, FromPatient = false, AuthorUserId = therapistId, Text = "Goed bezig", SubmissionId = Guid.NewGuid(), CreatedAt = Moment, ReadAt = Moment,
        });
        db.ReminderDeliveries.Add(new ReminderDelivery { PatientId = patientId, Day = DateOnly.FromDateTime(Moment.Date), ClaimedAt = Moment, StopUsedAt = Moment });
        var settings = await db.ReminderSettings.SingleAsync(r => r.PatientId == patientId);
        (settings.ByPush, settings.Days) = (true, ReminderDays.Monday | ReminderDays.Thursday);
        db.ErasureRequests.Add(new ErasureRequest { PatientId = patientId, RequestedAt = Moment, HandledAt = Moment, HandledById = therapistId, Outcome = "Niets verwijderd" });
        await db.SaveChangesAsync();
        return (patientId, email);
    }
}
