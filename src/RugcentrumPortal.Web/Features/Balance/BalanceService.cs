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
public sealed record BalanceFormView(string PatientName, bool RedFlagOpen, bool Completed, DateTimeOffset UpdatedAt, BalanceInput Stored);

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
/// The muscle-balance assessment: saving ratings and observations as a draft, analysing them, reviewing each found
/// pattern, and completing the assessment with the date of the re-assessment. A completed assessment is not changed.
/// </summary>
public sealed class BalanceService(IDbContextFactory<AppDbContext> contexts, PracticeClock clock, IStringLocalizer<Texts> T)
{
    public const int DefaultReassessmentWeeks = 6;

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
                assessment.Status == AssessmentStatus.Completed, clock.Local(assessment.UpdatedAt), BalanceMapping.ToInput(assessment));
    }

    /// <summary>
    /// Replaces the stored ratings, observations and notes with the posted ones. With <see cref="BalanceInput.Analyse"/>
    /// at least one muscle must be rated, and the findings count as recorded.
    /// </summary>
    public async Task<CommandResult> SaveAsync(Guid patientId, Guid assessmentId, BalanceInput input, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var assessment = await db.Assessments
            .Include(a => a.Ratings)
            .SingleOrDefaultAsync(a => a.Id == assessmentId && a.PatientId == patientId, cancellationToken);
        if (assessment is null)
        {
            return CommandResult.NotFound;
        }
        if (assessment.Status == AssessmentStatus.Completed)
        {
            return CommandResult.Refused(T["Balance.RefusedCompleted"]);
        }
        input.FillMissing();
        var clinical = BalanceMapping.ToAssessment(input);
        var problems = BalanceMapping.Problems(new BalanceAnalyzer().Validate(clinical), clinical);
        var analyse = input.Action == BalanceInput.Analyse;
        if (analyse && problems.Count == 0 && clinical.Ratings.Count == 0)
        {
            problems.Add(new BalanceProblem("no-ratings", null, null));
        }
        var errors = problems.Select(p => new FieldError(BalanceInput.FieldOf(p), Message(p))).ToList();
        errors.AddRange(FieldErrors.FromAnnotations(input));
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var now = clock.Now;
        // New rows carry their own key, so they are added explicitly; otherwise change tracking would take them for existing rows.
        db.RemoveRange(assessment.Ratings);
        db.AddRange(BalanceMapping.ToEntries(clinical, assessment.Id));
        assessment.Observations = [.. clinical.ObservationIds];
        assessment.BalanceNotes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        assessment.UpdatedAt = now;
        if (analyse)
        {
            assessment.BalanceRecordedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Done(assessment.Id);
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
            .Include(a => a.Patient)
            .Where(a => a.Id == assessmentId && a.PatientId == patientId);
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
