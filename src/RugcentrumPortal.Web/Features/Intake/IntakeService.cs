using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.BodyMap;
using RugcentrumPortal.Web.Infrastructure;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.Intake;

/// <summary>The intake form's record: the stored answers and the patient's age today at the practice; times in practice time.</summary>
public sealed record IntakeView(string PatientName, AssessmentKind Kind, AssessmentStatus Status, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, int Age, string? StoredDuration, IntakeInput Stored)
{
    public bool ReadOnly => Status == AssessmentStatus.Completed;
}

/// <summary>
/// The intake of one assessment: saving it as a draft, and completing the red-flag screening, whose conclusion is
/// recorded at once. Nothing is saved when any field is wrong.
/// </summary>
public sealed class IntakeService(IDbContextFactory<AppDbContext> contexts, PracticeClock clock, IStringLocalizer<Texts> T)
{
    private static readonly RedFlagScreener Screener = new();

    private static ClinicalCatalog Catalog => ClinicalCatalog.Default;

    /// <summary>The text fields in the order the form shows them, so the error summary follows the page.</summary>
    private static readonly string[] TextFields =
    [
        nameof(IntakeInput.ComplaintDescription), nameof(IntakeInput.Onset), nameof(IntakeInput.Course),
        nameof(IntakeInput.Aggravating), nameof(IntakeInput.Easing), nameof(IntakeInput.History),
    ];

    public static string AnswerField(string itemId) => $"{nameof(IntakeInput.Answers)}[{itemId}]";

    public async Task<IntakeView?> GetAsync(Guid patientId, Guid assessmentId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var assessment = await db.Assessments.AsNoTracking()
            .Include(a => a.Patient)
            .SingleOrDefaultAsync(a => a.Id == assessmentId && a.PatientId == patientId, cancellationToken);
        if (assessment is null)
        {
            return null;
        }
        var age = clock.AgeOf(assessment.Patient!.DateOfBirth);
        return new IntakeView($"{assessment.Patient.FirstName} {assessment.Patient.LastName}", assessment.Kind, assessment.Status,
            clock.Local(assessment.CreatedAt), clock.Local(assessment.UpdatedAt), age, assessment.Duration, IntakeInput.From(assessment, age));
    }

    /// <summary>
    /// Saves the intake; with <see cref="IntakeInput.CompleteScreening"/> as action every question must be answered
    /// and the screener's conclusion, urgency and flags are recorded with it.
    /// </summary>
    /// <param name="ageNotANumber">The age field held text that did not read as a whole number; the input then holds no age.</param>
    public async Task<CommandResult> SaveAsync(Guid patientId, Guid assessmentId, IntakeInput input, bool ageNotANumber, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var assessment = await db.Assessments
            .Include(a => a.Patient)
            .SingleOrDefaultAsync(a => a.Id == assessmentId && a.PatientId == patientId, cancellationToken);
        if (assessment is null)
        {
            return CommandResult.NotFound;
        }
        if (assessment.Status == AssessmentStatus.Completed)
        {
            return CommandResult.Refused(T["Intake.Form.ReadOnlyRefused"]);
        }
        var today = clock.Today;
        var age = PracticeClock.AgeOn(assessment.Patient!.DateOfBirth, today);
        var complete = input.Action == IntakeInput.CompleteScreening;
        var errors = Validate(input, assessment, age, ageNotANumber, complete);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var now = clock.Now;
        assessment.ComplaintRegions = [.. input.ComplaintRegions.Distinct()];
        assessment.ComplaintDescription = InputText.Clean(input.ComplaintDescription);
        assessment.Onset = InputText.Clean(input.Onset);
        assessment.Duration = InputText.Clean(input.Duration);
        assessment.Course = InputText.Clean(input.Course);
        assessment.Aggravating = InputText.Clean(input.Aggravating);
        assessment.Easing = InputText.Clean(input.Easing);
        assessment.History = InputText.Clean(input.History);
        assessment.AgeAtOnset = input.AgeAtOnset;
        assessment.RedFlagsPresent = [.. input.Answers.Where(a => a.Value == IntakeInput.Yes).Select(a => a.Key).Order(StringComparer.Ordinal)];
        assessment.RedFlagsAbsent = [.. input.Answers.Where(a => a.Value == IntakeInput.No).Select(a => a.Key).Order(StringComparer.Ordinal)];
        assessment.YellowFlags = [.. input.YellowFlags.Distinct()];
        assessment.StressSignals = [.. input.StressSignals.Distinct()];
        assessment.PrecautionConditions = [.. input.PrecautionConditions.Distinct()];
        assessment.UpdatedAt = now;
        if (complete)
        {
            RecordScreening(assessment, age, now);
        }
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Done(assessment.Id);
    }

    private static void RecordScreening(ClinicalAssessment assessment, int age, DateTimeOffset now)
    {
        var result = Screener.Screen(ScreeningRecord.InputFor(assessment, age));
        var flags = result.FlagsFound.Select(f => f.Item.Id).ToList();
        if (!flags.ToHashSet().SetEquals(assessment.FlagsFound))
        {
            // A decision or clearance was given on other findings; it must be given again for these.
            assessment.DecisionKind = null;
            assessment.DecisionReason = null;
            assessment.AdviceGiven = null;
            assessment.GpConsent = null;
            assessment.DecidedAt = null;
            assessment.DecidedById = null;
            assessment.ClearedBy = null;
            assessment.ClearanceRole = null;
            assessment.ClearedOn = null;
            assessment.ClearanceExcluded = null;
            assessment.ClearanceRecordedAt = null;
            assessment.ClearanceRecordedById = null;
        }
        assessment.Conclusion = result.Conclusion;
        assessment.HighestUrgency = result.HighestUrgency;
        assessment.FlagsFound = flags;
        assessment.ScreenedAt = now;
    }

    private List<FieldError> Validate(IntakeInput input, ClinicalAssessment stored, int age, bool ageNotANumber, bool complete)
    {
        var annotations = FieldErrors.FromAnnotations(input);
        var errors = TextFields.SelectMany(field => annotations.Where(e => e.Field == field)).ToList();
        CheckIds(errors, input.ComplaintRegions, IsKnownZone, nameof(IntakeInput.ComplaintRegions), T["Intake.Error.UnknownRegion"]);
        CheckIds(errors, input.YellowFlags, Catalog.YellowFlagsById.ContainsKey, nameof(IntakeInput.YellowFlags), T["Intake.Error.UnknownOption"]);
        CheckIds(errors, input.StressSignals, Catalog.StressSignalsById.ContainsKey, nameof(IntakeInput.StressSignals), T["Intake.Error.UnknownOption"]);
        CheckIds(errors, input.PrecautionConditions, Catalog.PrecautionConditionsById.ContainsKey, nameof(IntakeInput.PrecautionConditions), T["Intake.Error.UnknownOption"]);
        // A value stored before the list changed may stay; a new value must come from the list.
        if (!string.IsNullOrEmpty(input.Duration) && !IntakeLabels.DurationKeys.Contains(input.Duration) && input.Duration != stored.Duration)
        {
            errors.Add(new FieldError(nameof(IntakeInput.Duration), T["Intake.Error.UnknownDuration"]));
        }
        if (input.AgeAtOnset is { } onset && (onset < 0 || onset > age))
        {
            errors.Add(new FieldError(nameof(IntakeInput.AgeAtOnset), T["Intake.Error.AgeAtOnset", age]));
        }
        else if (input.AgeAtOnset is null && ageNotANumber)
        {
            errors.Add(new FieldError(nameof(IntakeInput.AgeAtOnset), T["Intake.Error.AgeAtOnsetNumber"]));
        }
        if (input.Answers.Any(a => !Catalog.RedFlagsById.TryGetValue(a.Key, out var item) || !item.IsAsked || a.Value is not (IntakeInput.Yes or IntakeInput.No)))
        {
            errors.Add(new FieldError(nameof(IntakeInput.Answers), T["Intake.Error.UnknownAnswer"]));
        }
        if (complete)
        {
            errors.AddRange(Catalog.RedFlags
                .Where(r => r.IsAsked && !input.Answers.ContainsKey(r.Id))
                .Select(r => new FieldError(AnswerField(r.Id), T["Intake.Error.Unanswered"])));
        }
        return errors;
    }

    private static void CheckIds(List<FieldError> errors, List<string> ids, Func<string, bool> known, string field, string message)
    {
        if (!ids.All(id => id is not null && known(id)))
        {
            errors.Add(new FieldError(field, message));
        }
    }

    /// <summary>A key the diagram can post: a catalogue region, with a side exactly when the region has sides.</summary>
    private static bool IsKnownZone(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        var regionId = colon < 0 ? key : key[..colon];
        return Catalog.RegionsById.TryGetValue(regionId, out var region)
            && (region.HasSides
                ? key == ZoneKey.Of(regionId, Side.Left) || key == ZoneKey.Of(regionId, Side.Right)
                : key == regionId);
    }
}
