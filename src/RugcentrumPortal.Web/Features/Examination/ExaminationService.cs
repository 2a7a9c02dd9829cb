using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RugcentrumPortal.Clinical;
using RugcentrumPortal.Clinical.Analysis;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Examination;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Balance;
using RugcentrumPortal.Web.Features.Findings;
using RugcentrumPortal.Web.Features.Intake;
using RugcentrumPortal.Web.Infrastructure;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.Examination;

/// <summary>The examination page's record: what is stored, as the page's inputs, and whether the screening calls for the neurological part.</summary>
public sealed record ExaminationView
{
    public required string PatientName { get; init; }
    public bool Completed { get; init; }
    public required NeurologicalIndication Indication { get; init; }
    public IReadOnlyList<MovementTestInput> MovementTests { get; init; } = [];
    public required BreathingInput Breathing { get; init; }
    public required PostureInput Posture { get; init; }
    public required NeurologicalInput Neurological { get; init; }
    public bool BreathingRecorded { get; init; }
    public bool PostureRecorded { get; init; }
    public bool NeurologicalRecorded { get; init; }
    public required ExaminationSummary Summary { get; init; }
}

/// <summary>
/// The physical examination of an assessment: Janda's movement tests, breathing with the Nijmegen Questionnaire,
/// posture and the short neurological examination. Each part is saved whole after the clinical core's own checks,
/// or not at all; a completed assessment is not changed. Out of the user's reach is not found.
/// </summary>
public sealed class ExaminationService(IDbContextFactory<AppDbContext> contexts, PracticeClock clock, IStringLocalizer<Texts> T)
{
    private static readonly RedFlagScreener Screener = new();

    public async Task<ExaminationView?> GetAsync(Guid patientId, Guid assessmentId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var assessment = await LoadAsync(db, patientId, assessmentId, tracked: false, cancellationToken);
        if (assessment is null)
        {
            return null;
        }
        var record = assessment.Examination;
        return new ExaminationView
        {
            PatientName = $"{assessment.Patient!.FirstName} {assessment.Patient.LastName}",
            Completed = assessment.Status == AssessmentStatus.Completed,
            Indication = Indication(assessment),
            MovementTests = [.. assessment.MovementTests.Select(ExaminationMapping.ToInput)],
            Breathing = ExaminationMapping.ToInput(ExaminationMapping.ToBreathing(record)),
            Posture = ExaminationMapping.ToInput(ExaminationMapping.ToPosture(record)),
            Neurological = ExaminationMapping.ToInput(ExaminationMapping.ToNeurological(record)),
            BreathingRecorded = record?.BreathingRecordedAt is not null,
            PostureRecorded = record?.PostureRecordedAt is not null,
            NeurologicalRecorded = record?.NeurologicalRecordedAt is not null,
            Summary = ExaminationSummary.Of(assessment),
        };
    }

    /// <summary>
    /// Replaces the graded movement tests with these: a test left out was not done. All are checked by the clinical
    /// core first; one wrong value saves none.
    /// </summary>
    public Task<CommandResult> SaveMovementTestsAsync(Guid patientId, Guid assessmentId, IReadOnlyList<MovementTestInput> tests, CancellationToken cancellationToken)
    {
        var results = tests.Select(ExaminationMapping.ToResult).ToList();
        var validation = new BalanceAnalyzer().Validate(new Assessment([]) { MovementTests = results });
        var errors = validation.Errors.Select(e => MovementError(e, results)).ToList();
        return ChangeAsync(patientId, assessmentId, errors, (db, assessment) =>
        {
            db.RemoveRange(assessment.MovementTests);
            db.AddRange(results.Select(r => new MovementTestEntry
            {
                AssessmentId = assessment.Id, TestId = r.TestId, Side = r.Side, Grade = r.Grade, FindingIds = [.. r.FindingIds],
            }));
        }, cancellationToken);
    }

    /// <summary>Saves the breathing assessment; the Nijmegen Questionnaire is all 16 answers or none.</summary>
    public Task<CommandResult> SaveBreathingAsync(Guid patientId, Guid assessmentId, BreathingInput input, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var rate = ExaminationMapping.Number(input.Rate, out var rateWrong);
        var hold = ExaminationMapping.Number(input.BreathHold, out var holdWrong);
        if (rateWrong)
        {
            errors.Add(new FieldError(nameof(BreathingAssessment.RatePerMinute), T["Exam.Problem.NotANumber"]));
        }
        if (holdWrong)
        {
            errors.Add(new FieldError(nameof(BreathingAssessment.BreathHoldSeconds), T["Exam.Problem.NotANumber"]));
        }
        var answers = (input.Nijmegen ?? []).Select(a => ExaminationMapping.Number(a, out var wrong) is { } value ? value : wrong ? -1 : (int?)null).ToList();
        List<int>? items = null;
        if (answers.Any(a => a is not null))
        {
            var open = Enumerable.Range(0, BreathingInput.NijmegenItemCount).Where(i => i >= answers.Count || answers[i] is null).Select(i => i + 1).ToList();
            if (open.Count > 0 || answers.Count != BreathingInput.NijmegenItemCount)
            {
                errors.Add(new FieldError("Nijmegen", T["Exam.Problem.NijmegenOpen", string.Join(", ", open)]));
            }
            else
            {
                items = [.. answers.Select(a => a!.Value)];
            }
        }
        var pattern = Enum.GetNames<BreathingPattern>().Contains(input.Pattern, StringComparer.Ordinal) ? Enum.Parse<BreathingPattern>(input.Pattern) : (BreathingPattern)(-1);
        var assessment = new BreathingAssessment(pattern) { RatePerMinute = rate, BreathHoldSeconds = hold, NijmegenItems = items };
        errors.AddRange(ExaminationScoring.Validate(assessment).Errors.Select(e => new FieldError(FieldOf(e.Path), BreathingMessage(e))));
        return ChangeAsync(patientId, assessmentId, errors, (db, a) =>
        {
            var record = RecordOf(db, a);
            record.BreathingPattern = assessment.Pattern;
            record.BreathingRate = rate;
            record.BreathHoldSeconds = hold;
            record.NijmegenItems = items;
            record.BreathingRecordedAt = clock.Now;
        }, cancellationToken);
    }

    public Task<CommandResult> SavePostureAsync(Guid patientId, Guid assessmentId, PostureInput input, CancellationToken cancellationToken)
    {
        var posture = ExaminationMapping.ToPosture(input);
        var errors = ExaminationScoring.Validate(posture).Errors.Select(e => new FieldError(e.Path, e.Code switch
        {
            "side-required" or "unknown-side" => T["Exam.Problem.PostureSide"].Value,
            _ => T["Exam.Problem.Sagittal"].Value,
        })).ToList();
        return ChangeAsync(patientId, assessmentId, errors, (db, a) =>
        {
            var record = RecordOf(db, a);
            record.LateralShift = posture.LateralShift;
            record.HighPelvisSide = posture.HighPelvisSide;
            record.Sagittal = posture.Sagittal;
            record.PostureRecordedAt = clock.Now;
        }, cancellationToken);
    }

    /// <summary>Saves the neurological examination of both sides; a missing side is refused, not taken for "not tested".</summary>
    public Task<CommandResult> SaveNeurologicalAsync(Guid patientId, Guid assessmentId, NeurologicalInput input, CancellationToken cancellationToken)
    {
        var neuro = ExaminationMapping.ToNeurological(input);
        var errors = ExaminationScoring.Validate(neuro).Errors.Select(e => new FieldError(e.Path, e.Code == "missing-side"
            ? T["Exam.Problem.MissingSide", e.Path == "Left" ? T["Exam.Side.Left"] : T["Exam.Side.Right"]].Value
            : T["Exam.Problem.NeuroGrade"].Value)).ToList();
        return ChangeAsync(patientId, assessmentId, errors, (db, a) =>
        {
            var record = RecordOf(db, a);
            (record.LeftStrength, record.LeftSensation, record.LeftReflexes, record.LeftStraightLegRaise, record.LeftSlump) =
                (neuro.Left.Strength, neuro.Left.Sensation, neuro.Left.Reflexes, neuro.Left.StraightLegRaise, neuro.Left.Slump);
            (record.RightStrength, record.RightSensation, record.RightReflexes, record.RightStraightLegRaise, record.RightSlump) =
                (neuro.Right.Strength, neuro.Right.Sensation, neuro.Right.Reflexes, neuro.Right.StraightLegRaise, neuro.Right.Slump);
            record.NeurologicalRecordedAt = clock.Now;
        }, cancellationToken);
    }

    /// <summary>
    /// What the screening and the complaint regions say about the neurological examination. Before the screening is
    /// made only the complaint regions can speak: the red-flag answers are then taken as not given (all "no").
    /// </summary>
    private NeurologicalIndication Indication(ClinicalAssessment assessment)
    {
        var age = PracticeClock.AgeOn(assessment.Patient!.DateOfBirth, clock.DateOf(assessment.ScreenedAt ?? clock.Now));
        var screening = assessment.ScreenedAt is not null ? ScreeningRecord.Replay(assessment, age) : null;
        screening ??= Screener.Screen(new ScreeningInput(age, ClinicalCatalog.Default.RedFlags.Where(r => r.IsAsked).ToDictionary(r => r.Id, _ => false)));
        return ExaminationScoring.NeurologicalExaminationIndication(screening, BalanceMapping.ComplaintRegions(assessment.ComplaintRegions));
    }

    private static ExaminationRecord RecordOf(AppDbContext db, ClinicalAssessment assessment)
    {
        if (assessment.Examination is null)
        {
            assessment.Examination = new ExaminationRecord { AssessmentId = assessment.Id };
            db.Add(assessment.Examination);
        }
        return assessment.Examination;
    }

    private async Task<CommandResult> ChangeAsync(Guid patientId, Guid assessmentId, List<FieldError> errors, Action<AppDbContext, ClinicalAssessment> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var assessment = await LoadAsync(db, patientId, assessmentId, tracked: true, cancellationToken);
        if (assessment is null)
        {
            return CommandResult.NotFound;
        }
        if (assessment.Status == AssessmentStatus.Completed)
        {
            return CommandResult.Refused(T["Exam.RefusedCompleted"]);
        }
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }
        change(db, assessment);
        assessment.UpdatedAt = clock.Now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // A colleague recorded the same part at the same moment; theirs stands and this page reloads it.
            return CommandResult.Refused(T["Exam.Busy"]);
        }
        return CommandResult.Done(assessment.Id);
    }

    private static async Task<ClinicalAssessment?> LoadAsync(AppDbContext db, Guid patientId, Guid assessmentId, bool tracked, CancellationToken cancellationToken)
    {
        var query = db.Assessments
            .Include(a => a.Patient)
            .Include(a => a.MovementTests)
            .Include(a => a.Examination)
            .Where(a => a.Id == assessmentId && a.PatientId == patientId);
        return await (tracked ? query : query.AsNoTracking()).AsSplitQuery().SingleOrDefaultAsync(cancellationToken);
    }

    private FieldError MovementError(ValidationError error, List<MovementTestResult> results)
    {
        var match = System.Text.RegularExpressions.Regex.Match(error.Path, @"^MovementTests\[(\d+)\]");
        var result = match.Success ? results[int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)] : null;
        var known = result?.TestId is { } id && ClinicalCatalog.Default.MovementTestsById.ContainsKey(id);
        var name = known ? ClinicalCatalog.Default.MovementTestsById[result!.TestId].Name.Get() : result?.TestId ?? "";
        var field = result is null ? "MovementTests" : MovementField(result.TestId, result.Side);
        var message = error.Code switch
        {
            "unknown-movement-test" => T["Exam.Problem.UnknownTest", name],
            "side-required" => T["Exam.Problem.SideRequired", name],
            "side-not-applicable" => T["Exam.Problem.SideNotApplicable", name],
            "unknown-side" => T["Exam.Problem.UnknownSide", name],
            "duplicate-movement-test" => T["Exam.Problem.DuplicateTest", name],
            "impossible-grade" => T["Exam.Problem.NormalWithFinding", name],
            "finding-required" => T["Exam.Problem.FindingRequired", name],
            "unknown-grade" => T["Exam.Problem.UnknownGrade", name],
            "unknown-finding" or "duplicate-finding" => T["Exam.Problem.UnknownFinding", name],
            _ => T["Exam.Problem.Other"],
        };
        return new FieldError(field, message);
    }

    /// <summary>The field key of one movement test on one side, as the page shows its message.</summary>
    public static string MovementField(string? testId, Side side) => $"{testId}:{side}";

    private string BreathingMessage(ValidationError error) => error.Code switch
    {
        "unknown-breathing-pattern" => T["Exam.Problem.Pattern"],
        "rate-out-of-range" => T["Exam.Problem.Rate", ExaminationScoring.MinBreathingRate, ExaminationScoring.MaxBreathingRate],
        "breath-hold-out-of-range" => T["Exam.Problem.BreathHold", ExaminationScoring.MaxBreathHoldSeconds],
        "item-out-of-range" => T["Exam.Problem.NijmegenItem", ItemNumber(error.Path), ExaminationScoring.NijmegenItemMax],
        _ => T["Exam.Problem.Other"],
    };

    private static string FieldOf(string path) => path.StartsWith("NijmegenItems", StringComparison.Ordinal) ? "Nijmegen" : path;

    private static int ItemNumber(string path)
    {
        var match = System.Text.RegularExpressions.Regex.Match(path, @"\[(\d+)\]");
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) + 1 : 0;
    }
}
