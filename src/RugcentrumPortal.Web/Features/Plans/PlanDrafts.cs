using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Clinical.Patterns;
using RugcentrumPortal.Clinical.Plans;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.Plans;

/// <summary>Creates plan versions and templates. A version is never edited once active: changes go into a new draft.</summary>
public static class PlanDrafts
{
    /// <summary>
    /// The next version continues the lineage of the patient's live (active or paused) plan (or, without one, of the newest plan),
    /// so version numbers tell the story of one plan.
    /// </summary>
    public static async Task<(Guid LineageId, int Version)> NextVersionAsync(AppDbContext db, Guid patientId, CancellationToken cancellationToken)
    {
        var plans = db.Plans.Where(p => p.PatientId == patientId);
        var lineage = await plans.Where(p => p.Status == PlanStatus.Active || p.Status == PlanStatus.Paused).Select(p => (Guid?)p.LineageId).SingleOrDefaultAsync(cancellationToken)
            ?? await plans.OrderByDescending(p => p.CreatedAt).Select(p => (Guid?)p.LineageId).FirstOrDefaultAsync(cancellationToken);
        if (lineage is not { } id)
        {
            return (Guid.CreateVersion7(), 1);
        }
        var max = await db.Plans.Where(p => p.LineageId == id).MaxAsync(p => p.Version, cancellationToken);
        return (id, max + 1);
    }

    public static RecoveryPlan NewDraft(Guid practiceId, Guid patientId, (Guid LineageId, int Version) version, string title, string userId, DateTimeOffset now, DateOnly today) => new()
    {
        PracticeId = practiceId,
        PatientId = patientId,
        LineageId = version.LineageId,
        Version = version.Version,
        Status = PlanStatus.Draft,
        Title = title,
        CreatedById = userId,
        CreatedAt = now,
        UpdatedAt = now,
        StartsOn = today,
    };

    /// <summary>Fills a draft with the suggested exercises and modules, at their default dosage, and the analysis's goals per phase.</summary>
    public static void ApplySuggestion(RecoveryPlan plan, SuggestionResult result, Guid assessmentId)
    {
        plan.SourceAssessmentId = assessmentId;
        var order = 0;
        foreach (var item in result.Suggestion!.Exercises.Concat(result.Suggestion.SelfCareModules))
        {
            plan.Exercises.Add(ExerciseLibrary.NewRow(item.Exercise, order++));
        }
        foreach (var phase in result.Analysis!.Goals.Where(g => g.Goals.Length > 0))
        {
            plan.Phases.Add(new PlanPhase
            {
                Order = (int)phase.Phase,
                Phase = phase.Phase,
                SuggestedGoalNl = Truncate(string.Join(" ", phase.Goals.Select(g => g.Text.Nl)), 1000),
                SuggestedGoalEn = Truncate(string.Join(" ", phase.Goals.Select(g => g.Text.En)), 1000),
            });
        }
        if (plan.Phases.Count == 0)
        {
            plan.Phases.Add(new PlanPhase { Order = (int)RecoveryPhase.Mobility, Phase = RecoveryPhase.Mobility });
            plan.Phases.Add(new PlanPhase { Order = (int)RecoveryPhase.Activation, Phase = RecoveryPhase.Activation });
        }
    }

    /// <summary>Copies content; precaution confirmations travel only within the same patient's plan.</summary>
    public static void CopyContent(RecoveryPlan source, RecoveryPlan target, bool keepConfirmations, bool keepReviewDates)
    {
        target.Notes = source.Notes;
        target.SourceAssessmentId = keepConfirmations ? source.SourceAssessmentId : null;
        foreach (var phase in source.Phases.OrderBy(p => p.Order))
        {
            target.Phases.Add(new PlanPhase
            {
                Order = phase.Order,
                Phase = phase.Phase,
                Goal = phase.Goal,
                SuggestedGoalNl = phase.SuggestedGoalNl,
                SuggestedGoalEn = phase.SuggestedGoalEn,
                ReviewOn = keepReviewDates ? phase.ReviewOn : null,
            });
        }
        foreach (var row in source.Exercises.OrderBy(e => e.Order))
        {
            target.Exercises.Add(new PlanExercise
            {
                Order = row.Order,
                Phase = row.Phase,
                ExerciseId = row.ExerciseId,
                Dosage = row.Dosage,
                Instructions = row.Instructions,
                PrecautionConfirmedAt = keepConfirmations ? row.PrecautionConfirmedAt : null,
                PrecautionNote = keepConfirmations ? row.PrecautionNote : null,
            });
        }
    }

    public static RecoveryPlan TemplateFrom(RecoveryPlan draft, string templateName, string userId, DateTimeOffset now)
    {
        var template = new RecoveryPlan
        {
            PracticeId = draft.PracticeId,
            PatientId = null,
            TemplateName = templateName,
            LineageId = Guid.CreateVersion7(),
            Version = 1,
            Status = PlanStatus.Draft,
            Title = draft.Title,
            CreatedById = userId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        CopyContent(draft, template, keepConfirmations: false, keepReviewDates: false);
        return template;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
