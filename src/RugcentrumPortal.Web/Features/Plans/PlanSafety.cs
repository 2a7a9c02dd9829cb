using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RugcentrumPortal.Clinical.Exercises;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Safety;
using RugcentrumPortal.Web.Infrastructure;

namespace RugcentrumPortal.Web.Features.Plans;

public enum SafetyRule
{
    OpenRedFlag,
    UnconfirmedPrecaution,
    NoExercises,
}

/// <summary>One reason a plan cannot be activated yet.</summary>
public sealed record SafetyIssue(SafetyRule Rule, string Message, Guid? PlanExerciseId = null, Guid? AssessmentId = null);

/// <summary>What the patient's assessments say about safety: the open red-flag decision and the precaution conditions.</summary>
public sealed class PatientSafety
{
    private PatientSafety(GoLiveVerdict verdict, IReadOnlySet<string> conditionIds)
    {
        OpenRedFlagAssessmentId = verdict.BlockingAssessmentId;
        RedFlagNeedsClearance = verdict.NeedsClearance;
        ConditionIds = conditionIds;
    }

    /// <summary>No patient, as for a practice template: nothing to hold back, no precautions.</summary>
    public static PatientSafety None { get; } = new(GoLiveVerdict.Open, new HashSet<string>());

    /// <summary>The assessment whose open red-flag decision holds the plan back, as <see cref="PlanGate"/> decides.</summary>
    public Guid? OpenRedFlagAssessmentId { get; }

    /// <summary>True when only a recorded medical clearance releases that assessment.</summary>
    public bool RedFlagNeedsClearance { get; }

    public IReadOnlySet<string> ConditionIds { get; }

    /// <summary>
    /// The red-flag verdict comes from the one gate; precaution conditions come from the latest assessment and from
    /// the latest screened one, so a re-assessment whose screening is not filled in yet never hides a condition
    /// recorded before. The context's access rule decides whose assessments are read.
    /// </summary>
    public static async Task<PatientSafety> LoadAsync(AppDbContext db, Guid patientId, CancellationToken cancellationToken)
    {
        var verdict = await PlanGate.ForPatientAsync(db, patientId, cancellationToken);
        var assessments = db.Assessments.AsNoTracking().Where(a => a.PatientId == patientId);
        var screened = await assessments.Where(a => a.Conclusion != null)
            .OrderByDescending(a => a.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var latest = await assessments.OrderByDescending(a => a.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var conditions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assessment in new[] { screened, latest }.OfType<ClinicalAssessment>())
        {
            conditions.UnionWith(ConditionsOf(assessment));
        }
        return new PatientSafety(verdict, conditions);
    }

    public static IEnumerable<string> ConditionsOf(ClinicalAssessment assessment)
    {
        var catalog = ExerciseLibrary.Catalog;
        var implied = assessment.RedFlagsPresent.Concat(assessment.FlagsFound)
            .Select(id => catalog.RedFlagsById.GetValueOrDefault(id)).OfType<RedFlagItem>()
            .SelectMany(f => f.ImpliesPrecautionIds)
            .Concat(assessment.YellowFlags.Select(id => catalog.YellowFlagsById.GetValueOrDefault(id)).OfType<YellowFlag>()
                .SelectMany(f => f.ImpliesPrecautionIds));
        return assessment.PrecautionConditions.Concat(implied);
    }

    public IReadOnlyList<ExercisePrecaution> PrecautionsFor(string exerciseId) =>
        ExerciseLibrary.Find(exerciseId)?.Precautions.Where(p => ConditionIds.Contains(p.ConditionId)).ToList() ?? [];

    public bool MustAvoid(string exerciseId) => PrecautionsFor(exerciseId).Any(p => p.Action == PrecautionAction.Avoid);
}

/// <summary>The checks a plan must pass before the patient sees it; each returns a reason the therapist can act on.</summary>
public static class PlanSafety
{
    /// <param name="exercises">The plan's exercises as the lookup resolved them, so messages name an own exercise too.</param>
    public static IReadOnlyList<SafetyIssue> Check(RecoveryPlan plan, PatientSafety safety, IReadOnlyDictionary<string, Exercise> exercises, IStringLocalizer<Texts> t)
    {
        var issues = new List<SafetyIssue>();
        if (safety.OpenRedFlagAssessmentId is { } assessmentId)
        {
            var message = safety.RedFlagNeedsClearance ? t["Plans.Safety.ClearanceNeeded"] : t["Plans.Safety.OpenRedFlag"];
            issues.Add(new SafetyIssue(SafetyRule.OpenRedFlag, message, AssessmentId: assessmentId));
        }
        foreach (var row in plan.Exercises.OrderBy(e => e.Order))
        {
            if (safety.PrecautionsFor(row.ExerciseId).Count == 0)
            {
                continue;
            }
            var title = ExerciseLibrary.Title(row.ExerciseId, exercises);
            if (row.PrecautionConfirmedAt is null)
            {
                issues.Add(new SafetyIssue(SafetyRule.UnconfirmedPrecaution, t["Plans.Safety.Precaution", title], row.Id));
            }
            else if (safety.MustAvoid(row.ExerciseId) && string.IsNullOrWhiteSpace(row.PrecautionNote))
            {
                issues.Add(new SafetyIssue(SafetyRule.UnconfirmedPrecaution, t["Plans.Safety.AvoidNote", title], row.Id));
            }
        }
        if (!plan.Exercises.Any(e => !ExerciseLibrary.IsSelfCare(e.ExerciseId)))
        {
            issues.Add(new SafetyIssue(SafetyRule.NoExercises, t["Plans.Safety.NoExercises"]));
        }
        return issues;
    }
}
