using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RugcentrumPortal.Data;
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
public sealed class PlanService(IDbContextFactory<AppDbContext> contexts, CurrentUser user, PracticeClock clock, IStringLocalizer<Texts> text)
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
        var activatorIds = plans.Select(p => p.ActivatedById).OfType<string>().Distinct().ToList();
        var names = await db.Users.Where(u => activatorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var verdict = await PlanGate.ForPatientAsync(db, patientId, cancellationToken);

        string NameOf(string? userId) => userId is not null && names.TryGetValue(userId, out var name) ? name : "-";
        DateTimeOffset? Local(DateTimeOffset? moment) => moment is { } at ? clock.Local(at) : null;
        var active = plans.SingleOrDefault(p => p.Status == PlanStatus.Active);
        var draft = plans.FirstOrDefault(p => p.Status == PlanStatus.Draft);
        return new PlanPageView(
            patientName,
            verdict.BlockingAssessmentId,
            verdict.NeedsClearance,
            active is null ? null : new ActivePlanView(active.Id, active.Version, active.Title, Local(active.ActivatedAt), NameOf(active.ActivatedById), PlanSummaryView.Of(active)),
            draft is null ? null : new DraftView(draft.Id, draft.Version, draft.Exercises.Count),
            Local(latestRatedAt),
            templates,
            plans.Select(p => new PlanHistoryRow(p.Id, p.Version, p.Status, clock.Local(p.CreatedAt), Local(p.ActivatedAt), NameOf(p.ActivatedById))).ToList());
    }

    /// <summary>The active version and the open draft, for the patient's page; null when the patient is out of reach.</summary>
    public async Task<PlanCardView?> GetCardAsync(Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
        {
            return null;
        }
        var plans = await db.Plans
            .Where(p => p.PatientId == patientId && p.Status != PlanStatus.Superseded)
            .Select(p => new { p.Id, p.Status, p.Version, Items = p.Exercises.Count })
            .ToListAsync(cancellationToken);
        var active = plans.FirstOrDefault(p => p.Status == PlanStatus.Active);
        var draft = plans.OrderByDescending(p => p.Version).FirstOrDefault(p => p.Status == PlanStatus.Draft);
        return new PlanCardView(active?.Version, active?.Items ?? 0, draft is null ? null : new DraftView(draft.Id, draft.Version, draft.Items));
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

    /// <summary>The next version of the active plan, as a draft with its content; the active version stays as it is.</summary>
    public Task<DraftStart> ReviseAsync(Guid patientId, CancellationToken cancellationToken) =>
        StartAsync(patientId, cancellationToken, async (db, patient) =>
        {
            var active = await db.Plans.AsNoTracking().Where(p => p.PatientId == patientId && p.Status == PlanStatus.Active)
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
