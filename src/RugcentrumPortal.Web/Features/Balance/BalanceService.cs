using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RugcentrumPortal.Clinical.Analysis;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Intake;
using RugcentrumPortal.Web.Features.Safety;
using RugcentrumPortal.Web.Infrastructure;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.Balance;

/// <summary>The muscle-balance form's record; <see cref="UpdatedAt"/> in practice time.</summary>
public sealed record BalanceFormView(string PatientName, bool RedFlagOpen, bool Completed, DateTimeOffset UpdatedAt, BalanceInput Stored)
{
    /// <summary>The complaint's zone keys from the intake, e.g. "neck" or "shoulder:right".</summary>
    public IReadOnlyList<string> ComplaintRegions { get; init; } = [];
}

/// <summary>One muscle's row as the form holds it: raw values, checked by the clinical core before saving.</summary>
public sealed record MuscleRatingInput(string MuscleId, string Tone, string Intensity, string Side);

/// <summary>What saving one change did; when done, the draft as stored now (with other tabs' changes) and when, in practice time.</summary>
public sealed record DraftSaveResult(CommandResult Result, BalanceInput? Stored, DateTimeOffset? SavedAt);

/// <summary>The therapist's verdict on one found pattern.</summary>
public sealed record PatternVerdict(bool Accepted, string? Note);

/// <summary>The analysis of the stored findings with the therapist's reviews; dates at the practice.</summary>
public sealed record BalanceResultView
{
    public required string PatientName { get; init; }
    public bool RedFlagOpen { get; init; }
    public bool Completed { get; init; }
    public DateOnly? CompletedOn { get; init; }
    public DateOnly? ReassessmentDue { get; init; }
    public bool HasRatings { get; init; }

    /// <summary>Null without ratings, or when stored rows do not pass the clinical core's validation.</summary>
    public BalanceAnalysis? Analysis { get; init; }
    public bool InvalidStoredData { get; init; }
    public IReadOnlyDictionary<string, PatternVerdict> Reviews { get; init; } = new Dictionary<string, PatternVerdict>();
    public IReadOnlyList<string> ComplaintRegions { get; init; } = [];

    /// <summary>The re-assessment date the form proposes.</summary>
    public DateOnly SuggestedDue { get; init; }
}

/// <summary>
/// The muscle-balance assessment: saving each rating, observation and note of the draft as it is made, analysing them, reviewing each found
/// pattern, and completing the assessment with the date of the re-assessment. A completed assessment is not changed.
/// </summary>
public sealed class BalanceService(IDbContextFactory<AppDbContext> contexts, PracticeClock clock, IStringLocalizer<Texts> T)
{
    public const int DefaultReassessmentWeeks = 6;

    /// <summary>How often a draft change is tried again when another writer got in between.</summary>
    private const int MaxDraftAttempts = 5;

    public async Task<BalanceFormView?> GetFormAsync(Guid patientId, Guid assessmentId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var assessment = await db.Assessments.AsNoTracking()
            .Include(a => a.Ratings)
            .Include(a => a.Patient)
            .SingleOrDefaultAsync(a => a.Id == assessmentId && a.PatientId == patientId, cancellationToken);
        return assessment is null
            ? null
            : new BalanceFormView($"{assessment.Patient!.FirstName} {assessment.Patient.LastName}", PlanGate.HoldsBack(assessment),
                assessment.Status == AssessmentStatus.Completed, clock.Local(assessment.UpdatedAt), BalanceMapping.ToInput(assessment))
            {
                ComplaintRegions = assessment.ComplaintRegions,
            };
    }

    /// <summary>
    /// Rates one muscle, or clears its rating when <paramref name="rating"/> has no tone. Only this muscle's rows
    /// change, so a second tab or a stale page never wipes the ratings of other muscles.
    /// </summary>
    public Task<DraftSaveResult> SaveRatingAsync(Guid patientId, Guid assessmentId, MuscleRatingInput rating, CancellationToken cancellationToken)
    {
        var single = new BalanceInput();
        single.Tone[rating.MuscleId] = rating.Tone;
        single.Intensity[rating.MuscleId] = rating.Intensity;
        single.Side[rating.MuscleId] = rating.Side;
        var clinical = BalanceMapping.ToAssessment(single);
        var errors = ClinicalErrors(clinical);
        return ChangeDraftAsync(patientId, assessmentId, errors, (db, assessment) =>
        {
            // Stored rows of this muscle go, whatever side they had; the rating replaces them all.
            db.RemoveRange(assessment.Ratings.Where(r => r.MuscleId == rating.MuscleId));
            db.AddRange(BalanceMapping.ToEntries(clinical, assessment.Id));
        }, cancellationToken);
    }

    /// <summary>Records that one posture, breathing or movement observation was or was not seen.</summary>
    public Task<DraftSaveResult> SaveObservationAsync(Guid patientId, Guid assessmentId, string observationId, bool seen, CancellationToken cancellationToken)
    {
        var errors = ClinicalErrors(BalanceMapping.ToAssessment(new BalanceInput { Observations = [observationId] }));
        return ChangeDraftAsync(patientId, assessmentId, errors, (_, assessment) =>
        {
            var others = assessment.Observations.Where(o => o != observationId);
            assessment.Observations = seen ? [.. others, observationId] : [.. others];
        }, cancellationToken);
    }

    public Task<DraftSaveResult> SaveNotesAsync(Guid patientId, Guid assessmentId, string? notes, CancellationToken cancellationToken)
    {
        var errors = FieldErrors.FromAnnotations(new BalanceInput { Notes = notes });
        return ChangeDraftAsync(patientId, assessmentId, errors, (_, assessment) => assessment.BalanceNotes = InputText.Clean(notes), cancellationToken);
    }

    /// <summary>Marks the stored findings as recorded, which needs at least one rated muscle; the result page then analyses them.</summary>
    public async Task<CommandResult> RecordFindingsAsync(Guid patientId, Guid assessmentId, CancellationToken cancellationToken)
    {
        var saved = await ChangeDraftAsync(patientId, assessmentId, [], (_, assessment) =>
        {
            if (assessment.Ratings.Count > 0)
            {
                assessment.BalanceRecordedAt = clock.Now;
            }
        }, cancellationToken);
        return saved.Result.Succeeded && saved.Stored!.Tone.Count == 0
            ? CommandResult.Invalid([new FieldError(nameof(BalanceInput.Tone), Message(new BalanceProblem("no-ratings", null, null)))])
            : saved.Result;
    }

    private List<FieldError> ClinicalErrors(Assessment clinical) =>
        [.. BalanceMapping.Problems(new BalanceAnalyzer().Validate(clinical), clinical).Select(p => new FieldError(BalanceInput.FieldOf(p), Message(p)))];

    /// <summary>
    /// Applies one change to a draft. The assessment's <c>UpdatedAt</c> guards the change: when another tab or a
    /// colleague changed the draft (or completed it) between reading and writing, the change is made again on what
    /// is stored now, so two writers never leave a muscle with two ratings or write into a completed assessment.
    /// </summary>
    private async Task<DraftSaveResult> ChangeDraftAsync(Guid patientId, Guid assessmentId, List<FieldError> errors, Action<AppDbContext, ClinicalAssessment> change, CancellationToken cancellationToken)
    {
        if (errors.Count > 0)
        {
            return new DraftSaveResult(CommandResult.Invalid(errors), null, null);
        }
        for (var attempt = 1; ; attempt++)
        {
            var last = attempt == MaxDraftAttempts;
            // A dropped connection repeats this attempt from its read, on a fresh context (ADR 0030).
            if (await contexts.RetriedAsync((db, token) => ChangeDraftOnceAsync(db, patientId, assessmentId, change, last, token), cancellationToken) is { } saved)
            {
                return saved;
            }
        }
    }

    /// <summary>Null when another writer changed the draft between this read and the claim: read it again.</summary>
    private async Task<DraftSaveResult?> ChangeDraftOnceAsync(AppDbContext db, Guid patientId, Guid assessmentId,
        Action<AppDbContext, ClinicalAssessment> change, bool lastAttempt, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var assessment = await db.Assessments
            .Include(a => a.Ratings)
            .SingleOrDefaultAsync(a => a.Id == assessmentId && a.PatientId == patientId, cancellationToken);
        if (assessment is null)
        {
            return new DraftSaveResult(CommandResult.NotFound, null, null);
        }
        if (assessment.Status == AssessmentStatus.Completed)
        {
            return new DraftSaveResult(CommandResult.Refused(T["Balance.RefusedCompleted"]), null, null);
        }
        var read = assessment.UpdatedAt;
        var now = clock.Now;
        var claimed = await db.Assessments.IgnoreQueryFilters()
            .Where(a => a.Id == assessment.Id && a.UpdatedAt == read)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.UpdatedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return lastAttempt ? new DraftSaveResult(CommandResult.Refused(T["Balance.Busy"]), null, null) : null;
        }
        change(db, assessment);
        // The guard above already wrote the time; the tracked copy must not write the old one back.
        db.Entry(assessment).Property(a => a.UpdatedAt).OriginalValue = now;
        assessment.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DraftSaveResult(CommandResult.Done(assessment.Id), BalanceMapping.ToInput(assessment), clock.Local(now));
    }

    public async Task<BalanceResultView?> GetResultAsync(Guid patientId, Guid assessmentId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var assessment = await LoadForResultAsync(db, patientId, assessmentId, cancellationToken);
        if (assessment is null)
        {
            return null;
        }
        var (analysis, invalid) = Analyse(assessment);
        return new BalanceResultView
        {
            PatientName = $"{assessment.Patient!.FirstName} {assessment.Patient.LastName}",
            RedFlagOpen = PlanGate.HoldsBack(assessment),
            Completed = assessment.Status == AssessmentStatus.Completed,
            CompletedOn = assessment.CompletedAt is { } completedAt ? clock.DateOf(completedAt) : null,
            ReassessmentDue = assessment.ReassessmentDue,
            HasRatings = assessment.Ratings.Count > 0,
            Analysis = analysis,
            InvalidStoredData = invalid,
            Reviews = assessment.PatternReviews.ToDictionary(r => r.PatternId, r => new PatternVerdict(r.Accepted, r.Note), StringComparer.Ordinal),
            ComplaintRegions = assessment.ComplaintRegions,
            SuggestedDue = clock.Today.AddDays(7 * DefaultReassessmentWeeks),
        };
    }

    /// <summary>
    /// Records the verdict on one found pattern, with its note. The pressed button names the pattern; only that
    /// pattern's review changes, whatever the other note fields of the form hold.
    /// </summary>
    public async Task<CommandResult> ReviewPatternAsync(Guid patientId, Guid assessmentId, PatternReviewInput input, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var assessment = await LoadForResultAsync(db, patientId, assessmentId, cancellationToken, tracked: true);
        if (assessment is null)
        {
            return CommandResult.NotFound;
        }
        if (assessment.Status == AssessmentStatus.Completed)
        {
            return CommandResult.Refused(T["Result.RefusedCompleted"]);
        }
        input.FillMissing();
        var (verdict, patternId) = input.ParseDecision();
        var (analysis, _) = Analyse(assessment);
        if (analysis is null || analysis.Matches.All(m => m.Pattern.Id != patternId))
        {
            return CommandResult.Refused(T["Result.UnknownPattern"]);
        }
        if (verdict is not (PatternReviewInput.Accept or PatternReviewInput.Dismiss))
        {
            return CommandResult.Invalid([new FieldError(PatternReviewInput.NoteField(patternId), T["Result.ChooseDecision"])]);
        }
        var note = InputText.Clean(input.NoteFor(patternId));
        if (note?.Length > PatternReviewInput.MaxNoteLength)
        {
            return CommandResult.Invalid([new FieldError(PatternReviewInput.NoteField(patternId), ValidationText.TooLong)]);
        }
        var review = assessment.PatternReviews.SingleOrDefault(r => r.PatternId == patternId);
        if (review is null)
        {
            review = new PatternReview { AssessmentId = assessment.Id, PatternId = patternId };
            db.Add(review);
        }
        review.Accepted = verdict == PatternReviewInput.Accept;
        review.Note = note;
        review.ReviewedAt = clock.Now;
        assessment.UpdatedAt = review.ReviewedAt;
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Done(assessment.Id);
    }

    /// <summary>Completes the assessment; the re-assessment falls after today and within a year (practice dates).</summary>
    public async Task<CommandResult> CompleteAsync(Guid patientId, Guid assessmentId, CompleteInput input, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var assessment = await db.Assessments
            .SingleOrDefaultAsync(a => a.Id == assessmentId && a.PatientId == patientId, cancellationToken);
        if (assessment is null)
        {
            return CommandResult.NotFound;
        }
        if (assessment.Status == AssessmentStatus.Completed)
        {
            return CommandResult.Refused(T["Result.RefusedCompleted"]);
        }
        if (!await db.Assessments.AnyAsync(a => a.Id == assessment.Id && a.Ratings.Any(), cancellationToken))
        {
            return CommandResult.Refused(T["Result.NoRatings"]);
        }
        var errors = FieldErrors.FromAnnotations(input);
        var today = clock.Today;
        if (errors.Count == 0 && (input.ReassessmentDue <= today || input.ReassessmentDue > today.AddYears(1)))
        {
            errors.Add(new FieldError(nameof(CompleteInput.ReassessmentDue), T["Result.DueRange"]));
        }
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }
        var now = clock.Now;
        assessment.Status = AssessmentStatus.Completed;
        assessment.CompletedAt = now;
        assessment.UpdatedAt = now;
        assessment.ReassessmentDue = input.ReassessmentDue;
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Done(assessment.Id);
    }

    private static Task<ClinicalAssessment?> LoadForResultAsync(AppDbContext db, Guid patientId, Guid assessmentId, CancellationToken cancellationToken, bool tracked = false)
    {
        var query = db.Assessments
            .Include(a => a.Ratings)
            .Include(a => a.PatternReviews)
            .Include(a => a.MovementTests)
            .Include(a => a.Patient)
            .Where(a => a.Id == assessmentId && a.PatientId == patientId)
            .AsSplitQuery();
        return (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Rows written outside the form may not pass; the page then says so rather than guessing.</summary>
    private static (BalanceAnalysis? Analysis, bool InvalidStoredData) Analyse(ClinicalAssessment assessment)
    {
        if (assessment.Ratings.Count == 0)
        {
            return (null, false);
        }
        var analyzer = new BalanceAnalyzer();
        var clinical = BalanceMapping.ToAssessment(assessment);
        return analyzer.Validate(clinical).IsValid ? (analyzer.Analyze(clinical), false) : (null, true);
    }

    private string Message(BalanceProblem problem) => problem.Code switch
    {
        "unknown-muscle" => T["Balance.Problem.UnknownMuscle", problem.Value ?? ""],
        "unknown-tone" => T["Balance.Problem.UnknownTone"],
        "intensity-out-of-range" => T["Balance.Problem.Intensity"],
        "unknown-side" => T["Balance.Problem.UnknownSide"],
        "side-not-applicable" => T["Balance.Problem.SideNotApplicable"],
        "unknown-observation" => T["Balance.Problem.UnknownObservation", problem.Value ?? ""],
        "no-ratings" => T["Balance.Problem.NoRatings"],
        _ => T["Balance.Problem.Other"],
    };
}
