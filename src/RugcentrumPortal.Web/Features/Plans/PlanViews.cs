using RugcentrumPortal.Clinical.Exercises;
using RugcentrumPortal.Clinical.Patterns;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.Plans;

/// <summary>A plan version or template as the read-only summary shows it.</summary>
public sealed record PlanSummaryView(
    DateOnly? StartsOn,
    string? Notes,
    IReadOnlyList<PlanPhaseView> Phases,
    IReadOnlyList<PlanRowView> Exercises,
    IReadOnlyList<PlanRowView> SelfCare)
{
    /// <param name="exercises">The plan's exercises as <see cref="PracticeExercises.ExerciseLookup"/> resolved them.</param>
    public static PlanSummaryView Of(RecoveryPlan plan, IReadOnlyDictionary<string, Exercise> exercises)
    {
        var rows = plan.Exercises.OrderBy(e => e.Order)
            .Select(e => new PlanRowView(e.Id, e.ExerciseId, ExerciseLibrary.Title(e.ExerciseId, exercises), e.Phase, e.Dosage, e.Instructions)).ToList();
        return new PlanSummaryView(
            plan.StartsOn,
            plan.Notes,
            plan.Phases.OrderBy(p => p.Order).Select(p => new PlanPhaseView(p.Phase, p.ShownGoal(), p.ReviewOn)).ToList(),
            rows.Where(r => !ExerciseLibrary.IsSelfCare(r.ExerciseId)).ToList(),
            rows.Where(r => ExerciseLibrary.IsSelfCare(r.ExerciseId)).ToList());
    }
}

public sealed record PlanPhaseView(RecoveryPhase Phase, string? Goal, DateOnly? ReviewOn);

public sealed record PlanRowView(Guid Id, string ExerciseId, string Title, RecoveryPhase Phase, ExerciseDosage Dosage, string? Instructions);

/// <summary>The plan page: the current version (active, paused or finished), the open draft or how to start one, and the history.</summary>
public sealed record PlanPageView(
    string PatientName,
    Guid? OpenRedFlagAssessmentId,
    bool RedFlagNeedsClearance,
    CurrentPlanView? Current,
    DraftView? Draft,
    DateTimeOffset? LatestRatedAssessmentAt,
    IReadOnlyList<TemplateChoice> Templates,
    IReadOnlyList<PlanHistoryRow> History);

/// <summary>The version the patient follows, has on hold, or finished the treatment with.</summary>
/// <param name="ActivatedAt">In the practice's time.</param>
/// <param name="StatusChangedAt">When it was last paused, resumed or finished, in the practice's time.</param>
public sealed record CurrentPlanView(
    Guid Id, int Version, PlanStatus Status, string Title, DateTimeOffset? ActivatedAt, string ActivatedBy,
    DateTimeOffset? StatusChangedAt, string StatusChangedBy, string? PauseReason, PlanSummaryView Summary)
{
    /// <summary>Active or paused: the version a new draft continues and a new activation replaces.</summary>
    public bool IsLive => Status is PlanStatus.Active or PlanStatus.Paused;
}

public sealed record DraftView(Guid Id, int Version, int ItemCount);

public sealed record TemplateChoice(Guid Id, string Name);

/// <param name="CreatedAt">In the practice's time.</param>
/// <param name="ActivatedAt">In the practice's time.</param>
public sealed record PlanHistoryRow(Guid Id, int Version, PlanStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? ActivatedAt, string ActivatedBy);

/// <summary>The plan card on the patient's page: the current version (its status says active, paused or finished).</summary>
public sealed record PlanCardView(int? CurrentVersion, int CurrentItemCount, DraftView? Draft, PlanStatus? CurrentStatus);

/// <summary>How starting a draft went: the new draft to open, or why not.</summary>
public sealed record DraftStart(bool Found, Guid? PlanId, string? Message)
{
    public static DraftStart NotFound { get; } = new(false, null, null);

    /// <summary>Nothing to do, e.g. a draft is open already; the page shows it.</summary>
    public static DraftStart Unchanged { get; } = new(true, null, null);

    public static DraftStart Opened(Guid planId) => new(true, planId, null);

    public static DraftStart Refused(string message) => new(true, null, message);
}

public sealed record TemplateListItem(Guid Id, string Name, string Title, int ItemCount);

public sealed record TemplateView(Guid Id, string Name, string Title, PlanSummaryView Summary);

/// <summary>How pausing, resuming or finishing a plan went: done, or why not in words the therapist can act on.</summary>
public sealed record PlanStatusChange(bool Found, bool Changed, string? Message, IReadOnlyList<string> Reasons)
{
    public static PlanStatusChange NotFound { get; } = new(false, false, null, []);

    public static PlanStatusChange Done { get; } = new(true, true, null, []);

    public static PlanStatusChange Refused(string message, params string[] reasons) => new(true, false, message, reasons);
}
