using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Safety;
using RugcentrumPortal.Web.Infrastructure;
using RugcentrumPortal.Web.Infrastructure.Access;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.Intake;

/// <summary>The start page: whose assessment, and when the latest one was made (practice time).</summary>
public sealed record AssessmentStartView(string PatientName, DateTimeOffset? LatestAssessment)
{
    public AssessmentKind SuggestedKind => LatestAssessment is null ? AssessmentKind.Intake : AssessmentKind.Reassessment;
}

/// <summary>One row of a patient's assessment history; times in practice time.</summary>
/// <param name="DecisionOpen">The red-flag gate holds plans back for this assessment.</param>
public sealed record AssessmentRow(Guid Id, DateTimeOffset CreatedAt, AssessmentKind Kind, AssessmentStatus Status,
    ScreeningConclusion? Conclusion, Urgency? Urgency, bool DecisionOpen)
{
    /// <summary>What would release the plan: at the urgent tiers only a medical clearance, whatever was decided.</summary>
    public PlanUnlock Needed => DecisionOpen ? RedFlagScreener.RequiredUnlock(Urgency ?? Clinical.Screening.Urgency.None) : PlanUnlock.None;
}

/// <summary>The overview of one assessment as recorded, with the plan verdict of the red-flag gate; times in practice time.</summary>
public sealed record AssessmentOverviewView
{
    public required string PatientName { get; init; }
    public required string TherapistName { get; init; }
    public AssessmentKind Kind { get; init; }
    public AssessmentStatus Status { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public ScreeningConclusion? Conclusion { get; init; }
    public Urgency? HighestUrgency { get; init; }
    public IReadOnlyList<string> FlagsFound { get; init; } = [];
    public DateTimeOffset? ScreenedAt { get; init; }

    /// <summary>The screener's texts for the recorded answers; null when they no longer fit the catalogue.</summary>
    public ScreeningResult? Replay { get; init; }

    public TherapistDecisionKind? DecisionKind { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public string? DecidedBy { get; init; }
    public string? AdviceGiven { get; init; }
    public bool? GpConsent { get; init; }
    public string? DecisionReason { get; init; }

    /// <summary>What this screening needs before a plan may start, by the clinical core's tiers.</summary>
    public PlanUnlock RequiredUnlock { get; init; }

    public RecordedClearance? Clearance { get; init; }

    /// <summary>The red-flag gate's verdict for the patient's plans.</summary>
    public bool PlanMayStart { get; init; }

    public IReadOnlyList<string> ComplaintRegions { get; init; } = [];
    public string? ComplaintDescription { get; init; }
    public string? Onset { get; init; }
    public string? Duration { get; init; }
    public int? AgeAtOnset { get; init; }
    public string? Course { get; init; }
    public string? Aggravating { get; init; }
    public string? Easing { get; init; }
    public string? History { get; init; }
}

/// <summary>A medical clearance as recorded; the recording time in practice time.</summary>
public sealed record RecordedClearance(string ClearedBy, string Role, DateOnly ClearedOn, string Excluded, DateTimeOffset RecordedAt, string? RecordedBy);

/// <summary>
/// Starting an assessment, the overview of a recorded one with the therapist's red-flag decision, and the history
/// of a patient's assessments. What a user may reach is decided by the context's access rule: out of reach is not found.
/// </summary>
public sealed class AssessmentService(
    IDbContextFactory<AppDbContext> contexts, CurrentUser user, PracticeClock clock, IStringLocalizer<Texts> T)
{
    public async Task<AssessmentStartView?> GetStartAsync(Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var patient = await db.Patients
            .Where(p => p.Id == patientId)
            .Select(p => new
            {
                Name = p.FirstName + " " + p.LastName,
                Latest = db.Assessments.Where(a => a.PatientId == p.Id).Max(a => (DateTimeOffset?)a.CreatedAt),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return patient is null ? null : new AssessmentStartView(patient.Name, patient.Latest is { } latest ? clock.Local(latest) : null);
    }

    /// <summary>
    /// Starts an intake or a re-assessment as a new draft. The complaint of the latest assessment is copied in as a
    /// convenience; the earlier assessment stays as it was.
    /// </summary>
    public async Task<CommandResult> StartAsync(Guid patientId, string? kindText, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
        {
            return CommandResult.NotFound;
        }
        if (!Enum.TryParse<AssessmentKind>(kindText, out var kind) || !Enum.IsDefined(kind) || int.TryParse(kindText, out _))
        {
            return CommandResult.Invalid([new FieldError(nameof(StartInput.Kind), T["Intake.Start.ChooseKind"])]);
        }
        var now = clock.Now;
        var assessment = new ClinicalAssessment
        {
            PatientId = patientId,
            TherapistId = user.UserId,
            Kind = kind,
            Status = AssessmentStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var previous = await db.Assessments.AsNoTracking()
            .Where(a => a.PatientId == patientId)
            .OrderByDescending(a => a.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (previous is not null)
        {
            assessment.ComplaintRegions = [.. previous.ComplaintRegions];
            assessment.ComplaintDescription = previous.ComplaintDescription;
            assessment.Onset = previous.Onset;
            assessment.Duration = previous.Duration;
            assessment.Course = previous.Course;
            assessment.Aggravating = previous.Aggravating;
            assessment.Easing = previous.Easing;
            assessment.History = previous.History;
            assessment.AgeAtOnset = previous.AgeAtOnset;
        }
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Done(assessment.Id);
    }

    public async Task<IReadOnlyList<AssessmentRow>> HistoryAsync(Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Assessments
            .Where(a => a.PatientId == patientId)
            .OrderByDescending(a => a.CreatedAt)
            .Select(a => new AssessmentRow(a.Id, a.CreatedAt, a.Kind, a.Status, a.Conclusion, a.HighestUrgency, false))
            .ToListAsync(cancellationToken);
        var open = await db.Assessments
            .Where(a => a.PatientId == patientId)
            .Where(PlanGate.HoldsBackPlans)
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => r with { CreatedAt = clock.Local(r.CreatedAt), DecisionOpen = open.Contains(r.Id) })];
    }

    public async Task<AssessmentOverviewView?> GetOverviewAsync(Guid patientId, Guid assessmentId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var a = await db.Assessments.AsNoTracking()
            .Include(x => x.Patient)
            .Include(x => x.Therapist)
            .Include(x => x.DecidedBy)
            .Include(x => x.ClearanceRecordedBy)
            .SingleOrDefaultAsync(x => x.Id == assessmentId && x.PatientId == patientId, cancellationToken);
        if (a is null)
        {
            return null;
        }
        var verdict = await PlanGate.ForPatientAsync(db, patientId, cancellationToken);
        return new AssessmentOverviewView
        {
            PatientName = $"{a.Patient!.FirstName} {a.Patient.LastName}",
            TherapistName = a.Therapist?.DisplayName ?? "-",
            Kind = a.Kind,
            Status = a.Status,
            CreatedAt = clock.Local(a.CreatedAt),
            Conclusion = a.Conclusion,
            HighestUrgency = a.HighestUrgency,
            FlagsFound = a.FlagsFound,
            ScreenedAt = a.ScreenedAt is { } screened ? clock.Local(screened) : null,
            Replay = a.ScreenedAt is { } at ? ScreeningRecord.Replay(a, PracticeClock.AgeOn(a.Patient.DateOfBirth, clock.DateOf(at))) : null,
            DecisionKind = a.DecisionKind,
            DecidedAt = a.DecidedAt is { } decided ? clock.Local(decided) : null,
            DecidedBy = a.DecidedBy?.DisplayName,
            AdviceGiven = a.AdviceGiven,
            GpConsent = a.GpConsent,
            DecisionReason = a.DecisionReason,
            RequiredUnlock = a.Conclusion == ScreeningConclusion.NietPluis ? RedFlagScreener.RequiredUnlock(a.HighestUrgency ?? Urgency.None) : PlanUnlock.None,
            Clearance = a is { ClearanceRecordedAt: { } recordedAt, ClearedBy: { } by, ClearanceRole: { } role, ClearedOn: { } on, ClearanceExcluded: { } excluded }
                ? new RecordedClearance(by, role, on, excluded, clock.Local(recordedAt), a.ClearanceRecordedBy?.DisplayName)
                : null,
            PlanMayStart = verdict.MayGoLive,
            ComplaintRegions = a.ComplaintRegions,
            ComplaintDescription = a.ComplaintDescription,
            Onset = a.Onset,
            Duration = a.Duration,
            AgeAtOnset = a.AgeAtOnset,
            Course = a.Course,
            Aggravating = a.Aggravating,
            Easing = a.Easing,
            History = a.History,
        };
    }

    /// <summary>
    /// Records what the therapist did about a niet-pluis screening: a referral (advice given and whether the GP may
    /// be informed) or proceeding with a reason. A later decision replaces the earlier one, with its own time.
    /// </summary>
    public async Task<CommandResult> RecordDecisionAsync(Guid patientId, Guid assessmentId, DecisionInput input, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var assessment = await db.Assessments.SingleOrDefaultAsync(a => a.Id == assessmentId && a.PatientId == patientId, cancellationToken);
        if (assessment is null)
        {
            return CommandResult.NotFound;
        }
        if (assessment.Conclusion != ScreeningConclusion.NietPluis)
        {
            return CommandResult.Invalid([new FieldError(nameof(DecisionInput.Kind), T["Intake.Decision.NotNeeded"])]);
        }
        var errors = FieldErrors.FromAnnotations(input);
        var advice = InputText.Clean(input.AdviceGiven);
        var reason = InputText.Clean(input.Reason);
        bool? consent = input.GpConsent switch
        {
            IntakeInput.Yes => true,
            IntakeInput.No => false,
            _ => null,
        };
        if (!string.IsNullOrEmpty(input.GpConsent) && consent is null)
        {
            errors.Add(new FieldError(nameof(DecisionInput.GpConsent), T["Intake.Decision.ChooseConsent"]));
        }
        TherapistDecisionKind kind = default;
        switch (input.Kind)
        {
            case DecisionInput.Referral:
                kind = TherapistDecisionKind.ReferralRecorded;
                if (advice is null)
                {
                    errors.Add(new FieldError(nameof(DecisionInput.AdviceGiven), T["Intake.Decision.AdviceRequired"]));
                }
                if (consent is null && string.IsNullOrEmpty(input.GpConsent))
                {
                    errors.Add(new FieldError(nameof(DecisionInput.GpConsent), T["Intake.Decision.ChooseConsent"]));
                }
                break;
            case DecisionInput.Proceed:
                kind = TherapistDecisionKind.ProceedWithReason;
                if (reason is null || reason.Length < DecisionInput.MinimumReasonLength)
                {
                    errors.Add(new FieldError(nameof(DecisionInput.Reason), T["Intake.Decision.ReasonRequired", DecisionInput.MinimumReasonLength]));
                }
                break;
            default:
                errors.Add(new FieldError(nameof(DecisionInput.Kind), T["Intake.Decision.ChooseKind"]));
                break;
        }
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }
        var now = clock.Now;
        assessment.DecisionKind = kind;
        assessment.AdviceGiven = advice;
        assessment.GpConsent = consent;
        assessment.DecisionReason = kind == TherapistDecisionKind.ProceedWithReason ? reason : null;
        assessment.DecidedAt = now;
        assessment.DecidedById = user.UserId;
        assessment.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Done(assessment.Id);
    }

    /// <summary>
    /// Records the physician's clearance after a niet-pluis screening: the clinical core checks it against the
    /// practice's date, and nothing is saved while it is incomplete. A later clearance replaces the earlier one.
    /// </summary>
    public async Task<CommandResult> RecordClearanceAsync(Guid patientId, Guid assessmentId, ClearanceInput input, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var assessment = await db.Assessments.SingleOrDefaultAsync(a => a.Id == assessmentId && a.PatientId == patientId, cancellationToken);
        if (assessment is null)
        {
            return CommandResult.NotFound;
        }
        if (assessment.Conclusion != ScreeningConclusion.NietPluis)
        {
            return CommandResult.Invalid([new FieldError(nameof(ClearanceInput.ClearedBy), T["Intake.Clearance.NotNeeded"])]);
        }
        var errors = FieldErrors.FromAnnotations(input);
        var dateReadable = Plans.PlanEditorInput.TryReadDate(input.Date, out var date);
        if (!dateReadable)
        {
            errors.Add(new FieldError(nameof(ClearanceInput.Date), T["Intake.Clearance.DateUnreadable"]));
        }
        var clearance = new MedicalClearance(InputText.Clean(input.ClearedBy) ?? "", InputText.Clean(input.Role) ?? "",
            date ?? DateOnly.MinValue, InputText.Clean(input.Excluded) ?? "");
        errors.AddRange(RedFlagScreener.ValidateClearance(clearance, clock.Today).Errors
            .Where(e => dateReadable || e.Path != nameof(MedicalClearance.Date))
            .Select(e => new FieldError(e.Path, e.Text?.Get() ?? e.Message)));
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }
        var now = clock.Now;
        assessment.ClearedBy = clearance.ClearedBy;
        assessment.ClearanceRole = clearance.Role;
        assessment.ClearedOn = clearance.Date;
        assessment.ClearanceExcluded = clearance.Excluded;
        assessment.ClearanceRecordedAt = now;
        assessment.ClearanceRecordedById = user.UserId;
        assessment.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Done(assessment.Id);
    }
}

/// <summary>What the start form holds.</summary>
public sealed class StartInput
{
    public string? Kind { get; set; }
}
