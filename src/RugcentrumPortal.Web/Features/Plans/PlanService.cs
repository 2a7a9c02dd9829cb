using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RugcentrumPortal.Clinical.Exercises;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.AccessLog;
using RugcentrumPortal.Web.Features.PracticeExercises;
using RugcentrumPortal.Web.Features.Safety;
using RugcentrumPortal.Web.Infrastructure;
using RugcentrumPortal.Web.Infrastructure.Access;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.Plans;

/// <summary>
/// A patient's plans as the plan page and the patient card show them, and the ways to start a new draft: from the
/// latest assessment's suggestion, from a practice template, empty, or as the next version of the active plan.
/// Only one draft is open per patient; a start while one is open changes nothing.
/// </summary>
public sealed class PlanService(IDbContextFactory<AppDbContext> contexts, CurrentUser user, PracticeClock clock, IStringLocalizer<Texts> text, ExerciseLookup lookup,
    AccessLogWriter accessLog)
{
    /// <summary>Null when the patient is out of reach.</summary>
    public async Task<PlanPageView?> GetPageAsync(Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var patientName = await db.Patients.Where(p => p.Id == patientId)
            .Select(p => p.FirstName + " " + p.LastName).SingleOrDefaultAsync(cancellationToken);
        if (patientName is null)
        {
            return null;
        }
        var plans = await db.Plans.AsNoTracking().Where(p => p.PatientId == patientId)
            .Include(p => p.Phases).Include(p => p.Exercises)
            .OrderByDescending(p => p.CreatedAt).AsSplitQuery().ToListAsync(cancellationToken);
        var latestRatedAt = await PlanSuggestions.WithRatings(db.Assessments, patientId)
            .Select(a => (DateTimeOffset?)a.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var templates = await db.Plans.Where(p => p.PatientId == null).OrderBy(p => p.TemplateName)
            .Select(p => new TemplateChoice(p.Id, p.TemplateName ?? "")).ToListAsync(cancellationToken);
        var activatorIds = plans.SelectMany(p => new[] { p.ActivatedById, p.StatusChangedById }).OfType<string>().Distinct().ToList();
        var names = await db.Users.Where(u => activatorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var verdict = await PlanGate.ForPatientAsync(db, patientId, cancellationToken);

        string NameOf(string? userId) => userId is not null && names.TryGetValue(userId, out var name) ? name : "-";
        DateTimeOffset? Local(DateTimeOffset? moment) => moment is { } at ? clock.Local(at) : null;
        var current = CurrentOf(plans);
        var currentExercises = current is null ? new Dictionary<string, Exercise>()
            : await lookup.ResolveAsync(current.Exercises.Select(e => e.ExerciseId), cancellationToken);
        var draft = plans.FirstOrDefault(p => p.Status == PlanStatus.Draft);
        return new PlanPageView(
            patientName,
            verdict.BlockingAssessmentId,
            verdict.NeedsClearance,
            current is null ? null : new CurrentPlanView(current.Id, current.Version, current.Status, current.Title, Local(current.ActivatedAt),
                NameOf(current.ActivatedById), Local(current.StatusChangedAt), NameOf(current.StatusChangedById), current.PauseReason, PlanSummaryView.Of(current, currentExercises)),
            draft is null ? null : new DraftView(draft.Id, draft.Version, draft.Exercises.Count),
            Local(latestRatedAt),
            templates,
            plans.Select(p => new PlanHistoryRow(p.Id, p.Version, p.Status, clock.Local(p.CreatedAt), Local(p.ActivatedAt), NameOf(p.ActivatedById))).ToList());
    }

    /// <summary>
    /// The live version (active or paused), or else the version the treatment was last finished with; a finished
    /// treatment stays in view until a new version goes live.
    /// </summary>
    private static RecoveryPlan? CurrentOf(IEnumerable<RecoveryPlan> plans) =>
        plans.SingleOrDefault(p => p.Status is PlanStatus.Active or PlanStatus.Paused)
        ?? plans.Where(p => p.Status == PlanStatus.Finished).MaxBy(p => p.StatusChangedAt);

    /// <summary>The current version and the open draft, for the patient's page; null when the patient is out of reach.</summary>
    public async Task<PlanCardView?> GetCardAsync(Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
        {
            return null;
        }
        var plans = await db.Plans
            .Where(p => p.PatientId == patientId && p.Status != PlanStatus.Superseded)
            .Select(p => new { p.Id, p.Status, p.Version, p.StatusChangedAt, Items = p.Exercises.Count })
            .ToListAsync(cancellationToken);
        var current = plans.SingleOrDefault(p => p.Status is PlanStatus.Active or PlanStatus.Paused)
            ?? plans.Where(p => p.Status == PlanStatus.Finished).MaxBy(p => p.StatusChangedAt);
        var draft = plans.OrderByDescending(p => p.Version).FirstOrDefault(p => p.Status == PlanStatus.Draft);
        return new PlanCardView(current?.Version, current?.Items ?? 0, draft is null ? null : new DraftView(draft.Id, draft.Version, draft.Items), current?.Status);
    }

    /// <summary>A draft with what the clinical core suggests for the latest assessment with muscle ratings.</summary>
    public Task<DraftStart> StartFromSuggestionAsync(Guid patientId, CancellationToken cancellationToken) =>
        StartAsync(patientId, cancellationToken, async (db, patient) =>
        {
            var assessment = await PlanSuggestions.WithRatings(db.Assessments, patientId)
                .Include(a => a.Ratings).FirstOrDefaultAsync(cancellationToken);
            if (assessment is null)
            {
                return (null, text["Plans.NoRatedAssessment"]);
            }
            var result = PlanSuggestions.Build(assessment, clock.AgeOf(patient.DateOfBirth), clock.Today);
            if (result.Suggestion is null)
            {
                return (null, text["Plans.AssessmentUnusable"]);
            }
            if (result.Suggestion.BlockedReason is { } blocked)
            {
                return (null, blocked.Get());
            }
            var plan = await NewDraftAsync(db, patient, text["Plans.DefaultTitle"], cancellationToken);
            PlanDrafts.ApplySuggestion(plan, result, assessment.Id);
            return (plan, null);
        });

    /// <summary>A draft with the content of one of the practice's templates; confirmations never come along.</summary>
    public Task<DraftStart> StartFromTemplateAsync(Guid patientId, Guid? templateId, CancellationToken cancellationToken) =>
        StartAsync(patientId, cancellationToken, async (db, patient) =>
        {
            var template = await db.Plans.AsNoTracking().Where(p => p.PatientId == null && p.Id == templateId)
                .Include(p => p.Phases).Include(p => p.Exercises).AsSplitQuery().SingleOrDefaultAsync(cancellationToken);
            if (template is null)
            {
                return (null, text["Plans.TemplateGone"]);
            }
            var plan = await NewDraftAsync(db, patient, template.Title, cancellationToken);
            PlanDrafts.CopyContent(template, plan, keepConfirmations: false, keepReviewDates: false);
            return (plan, null);
        });

    public Task<DraftStart> StartEmptyAsync(Guid patientId, CancellationToken cancellationToken) =>
        StartAsync(patientId, cancellationToken, async (db, patient) =>
            (await NewDraftAsync(db, patient, text["Plans.DefaultTitle"], cancellationToken), null));

    /// <summary>The next version of the active or paused plan, as a draft with its content; that version stays as it is.</summary>
    public Task<DraftStart> ReviseAsync(Guid patientId, CancellationToken cancellationToken) =>
        StartAsync(patientId, cancellationToken, async (db, patient) =>
        {
            var active = await db.Plans.AsNoTracking().Where(p => p.PatientId == patientId && (p.Status == PlanStatus.Active || p.Status == PlanStatus.Paused))
                .Include(p => p.Phases).Include(p => p.Exercises).AsSplitQuery().SingleOrDefaultAsync(cancellationToken);
            if (active is null)
            {
                return (null, null);
            }
            var plan = await NewDraftAsync(db, patient, active.Title, cancellationToken);
            plan.StartsOn = active.StartsOn;
            PlanDrafts.CopyContent(active, plan, keepConfirmations: true, keepReviewDates: true);
            return (plan, null);
        });

    /// <summary>Puts the active plan on hold: the patient sees no exercises and gets no reminders until it is resumed.</summary>
    public Task<PlanStatusChange> PauseAsync(Guid patientId, Guid planId, string? reason, CancellationToken cancellationToken)
    {
        var note = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (note?.Length > RecoveryPlan.PauseReasonMaxLength)
        {
            return Task.FromResult(PlanStatusChange.Refused(text["Plans.PauseReasonTooLong", RecoveryPlan.PauseReasonMaxLength]));
        }
        return ChangeStatusAsync(patientId, planId, [PlanStatus.Active], PlanStatus.Paused, note, cancellationToken);
    }

    /// <summary>
    /// Makes a paused plan active again, through the same safety checks as an activation: a plan never goes live
    /// over an open red flag or an unconfirmed precaution recorded while it was paused.
    /// </summary>
    public async Task<PlanStatusChange> ResumeAsync(Guid patientId, Guid planId, CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var plan = await db.Plans.AsNoTracking().Where(p => p.PatientId == patientId && p.Id == planId)
                .Include(p => p.Exercises).SingleOrDefaultAsync(cancellationToken);
            if (plan is null)
            {
                return PlanStatusChange.NotFound;
            }
            if (plan.Status == PlanStatus.Paused)
            {
                var exercises = await lookup.ResolveAsync(plan.Exercises.Select(e => e.ExerciseId), cancellationToken);
                var issues = PlanSafety.Check(plan, await PatientSafety.LoadAsync(db, patientId, cancellationToken), exercises, text);
                if (issues.Count > 0)
                {
                    return PlanStatusChange.Refused(text["Plans.ResumeBlocked"], issues.Select(i => i.Message).ToArray());
                }
            }
        }
        return await ChangeStatusAsync(patientId, planId, [PlanStatus.Paused], PlanStatus.Active, null, cancellationToken);
    }

    /// <summary>Ends the treatment with this version; it stays readable in the history and never goes live again.</summary>
    public Task<PlanStatusChange> FinishAsync(Guid patientId, Guid planId, CancellationToken cancellationToken) =>
        ChangeStatusAsync(patientId, planId, [PlanStatus.Active, PlanStatus.Paused], PlanStatus.Finished, null, cancellationToken);

    /// <summary>
    /// One conditional update: the row changes only while it still has a status the change starts from, so of two
    /// therapists pressing at once the second changes nothing and is told what the plan is now.
    /// </summary>
    private async Task<PlanStatusChange> ChangeStatusAsync(Guid patientId, Guid planId, PlanStatus[] from, PlanStatus to, string? pauseReason,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Plans.AnyAsync(p => p.PatientId == patientId && p.Id == planId, cancellationToken))
        {
            return PlanStatusChange.NotFound;
        }
        var now = clock.Now;
        var userId = user.UserId;
        // The plan was just found through the access rule; the update leaves the rule out because its join makes
        // PostgreSQL recheck the status against the row as it was before waiting for a colleague, letting both through.
        var changed = await db.Plans.IgnoreQueryFilters()
            .Where(p => p.Id == planId && from.Contains(p.Status))
            .ExecuteUpdateAsync(set => set
                .SetProperty(p => p.Status, to)
                .SetProperty(p => p.PauseReason, pauseReason)
                .SetProperty(p => p.StatusChangedAt, now)
                .SetProperty(p => p.StatusChangedById, userId)
                .SetProperty(p => p.UpdatedAt, now), cancellationToken);
        if (changed == 1)
        {
            await accessLog.RecordAsync([AccessRecord.Changed(patientId, nameof(RecoveryPlan), planId)], cancellationToken);
            return PlanStatusChange.Done;
        }
        var current = await db.Plans.Where(p => p.PatientId == patientId && p.Id == planId)
            .Select(p => (PlanStatus?)p.Status).SingleOrDefaultAsync(cancellationToken);
        return current switch
        {
            null => PlanStatusChange.NotFound,
            PlanStatus.Finished => PlanStatusChange.Refused(text["Plans.AlreadyFinished"]),
            _ => PlanStatusChange.Refused(text["Plans.StatusChangedElsewhere", text[$"Plans.StatusName.{current}"]]),
        };
    }

    private sealed record PatientFacts(Guid Id, Guid PracticeId, DateOnly DateOfBirth);

    private async Task<DraftStart> StartAsync(Guid patientId, CancellationToken cancellationToken,
        Func<AppDbContext, PatientFacts, Task<(RecoveryPlan? Plan, string? Refusal)>> build)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var patient = await db.Patients.Where(p => p.Id == patientId)
            .Select(p => new PatientFacts(p.Id, p.PracticeId, p.DateOfBirth)).SingleOrDefaultAsync(cancellationToken);
        if (patient is null)
        {
            return DraftStart.NotFound;
        }
        if (await db.Plans.AnyAsync(p => p.PatientId == patientId && p.Status == PlanStatus.Draft, cancellationToken))
        {
            return DraftStart.Unchanged;
        }
        var (plan, refusal) = await build(db, patient);
        if (plan is null)
        {
            return refusal is null ? DraftStart.Unchanged : DraftStart.Refused(refusal);
        }
        db.Plans.Add(plan);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (db.IsUniqueViolation(ex))
        {
            // A colleague started the same version a moment ago; theirs is the draft to continue.
            return DraftStart.Refused(text["Plans.StartedElsewhere"]);
        }
        return DraftStart.Opened(plan.Id);
    }

    private async Task<RecoveryPlan> NewDraftAsync(AppDbContext db, PatientFacts patient, string title, CancellationToken cancellationToken) =>
        PlanDrafts.NewDraft(patient.PracticeId, patient.Id, await PlanDrafts.NextVersionAsync(db, patient.Id, cancellationToken),
            title, user.UserId, clock.Now, clock.Today);
}
