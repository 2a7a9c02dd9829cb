using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RugcentrumPortal.Clinical.Exercises;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.PracticeExercises;
using RugcentrumPortal.Web.Infrastructure;
using RugcentrumPortal.Web.Infrastructure.Access;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.Plans;

/// <summary>One plan version or practice template in the editor: as stored, with what the page needs around it.</summary>
/// <param name="PatientName">The patient's name; for a template, the template's name.</param>
public sealed record PlanEditorView(
    string PatientName,
    Guid PlanId,
    int Version,
    PlanStatus Status,
    string Title,
    PlanSummaryView Summary,
    PlanEditorInput Stored,
    IReadOnlyList<EditorRow> Rows,
    PatientSafety Safety,
    IReadOnlyList<SafetyIssue> Issues,
    SuggestionResult? Suggestion,
    IReadOnlyDictionary<string, string> Reasons,
    bool IsTemplate = false)
{
    public bool IsDraft => Status == PlanStatus.Draft;

    public bool InPlan(string exerciseId) => Rows.Any(r => r.ExerciseId == exerciseId);

    public EditorRow Row(Guid id) => Rows.Single(r => r.Id == id);
}

/// <summary>A stored row of the draft: which exercise it is and the dosage saved for it.</summary>
/// <summary>A stored row; <see cref="Content"/> is the exercise it shows (catalogue or the practice's own), null when unknown.</summary>
public sealed record EditorRow(Guid Id, string ExerciseId, bool IsSelfCare, ExerciseDosage Dosage, Exercise? Content = null);

/// <summary>
/// What a command in the editor led to. <see cref="RedirectTo"/> set: done, leave the editor for there.
/// Otherwise the editor shows <see cref="View"/> (what is stored now) with, when nothing was saved, the field
/// errors (keyed by input name, e.g. "Rows[0].Sets"); or the activation's refusal, a colleague's conflicting
/// change, or the template saved. Neither set: the plan is out of reach.
/// </summary>
public sealed record PlanEditorOutcome(
    PlanEditorView? View,
    string? RedirectTo = null,
    bool Saved = false,
    IReadOnlyDictionary<string, string>? Errors = null,
    bool ActivationRefused = false,
    string? Conflict = null,
    string? TemplateSaved = null)
{
    public static PlanEditorOutcome NotFound { get; } = new((PlanEditorView?)null);

    public bool Found => View is not null || RedirectTo is not null;
}

/// <summary>
/// The draft editor's rules: what a command may change, the order of rows, templates from a draft, and activation.
/// A version is edited only while it is a draft; activating it supersedes the previous active version. A practice
/// template is edited with the same rules, less activation and the patient's safety.
/// </summary>
public sealed class PlanEditorService(IDbContextFactory<AppDbContext> contexts, CurrentUser user, PracticeClock clock, IStringLocalizer<Texts> text, ExerciseLookup lookup)
{
    /// <summary>Null when the plan is out of reach or not this patient's.</summary>
    public Task<PlanEditorView?> LoadAsync(Guid patientId, Guid planId, CancellationToken cancellationToken) =>
        LoadAsync((Guid?)patientId, planId, cancellationToken);

    /// <summary>A practice template in the editor; null when it is out of reach.</summary>
    public Task<PlanEditorView?> LoadTemplateAsync(Guid templateId, CancellationToken cancellationToken) =>
        LoadAsync(null, templateId, cancellationToken);

    private async Task<PlanEditorView?> LoadAsync(Guid? patientId, Guid planId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plan = await FindAsync(db, patientId, planId, cancellationToken);
        return plan is null ? null : await ViewAsync(db, plan, cancellationToken);
    }

    /// <summary>
    /// Carries out a command (<see cref="PlanEditorInput.Command"/>): save, add/up/down/move/remove a row, save as
    /// template, activate or discard. Everything typed is checked first; with a field error nothing is saved.
    /// </summary>
    public Task<PlanEditorOutcome> SubmitAsync(Guid patientId, Guid planId, PlanEditorInput input, CancellationToken cancellationToken) =>
        SubmitAsync((Guid?)patientId, planId, input, cancellationToken);

    /// <summary>
    /// The same for a practice template: its name, title, phases and rows. Activating, discarding and saving as
    /// template do not apply to a template; such a command only saves.
    /// </summary>
    public Task<PlanEditorOutcome> SubmitTemplateAsync(Guid templateId, PlanEditorInput input, CancellationToken cancellationToken) =>
        SubmitAsync(null, templateId, input, cancellationToken);

    /// <summary>
    /// A dropped connection runs the command again from its first read on a fresh context (ADR 0030): the draft's
    /// claim and the activation are transactions, and what an attempt read must not outlive it.
    /// </summary>
    private Task<PlanEditorOutcome> SubmitAsync(Guid? patientId, Guid planId, PlanEditorInput input, CancellationToken cancellationToken) =>
        contexts.RetriedAsync((db, attempt) => SubmitOnceAsync(db, patientId, planId, input, attempt), cancellationToken);

    private async Task<PlanEditorOutcome> SubmitOnceAsync(AppDbContext db, Guid? patientId, Guid planId, PlanEditorInput input, CancellationToken cancellationToken)
    {
        var plan = await FindAsync(db, patientId, planId, cancellationToken);
        if (plan is null)
        {
            return PlanEditorOutcome.NotFound;
        }
        if (plan.Status != PlanStatus.Draft)
        {
            return new PlanEditorOutcome(await ViewAsync(db, plan, cancellationToken), Conflict: text["Plans.NoLongerDraft"]);
        }
        var (command, argument) = ParseCommand(input.Command);
        if (plan.IsTemplate && command is "activate" or "discard" or "template")
        {
            command = "save";
        }
        var planPage = $"patienten/{patientId}/plan";
        if (command == "discard")
        {
            db.Plans.Remove(plan);
            await db.SaveChangesAsync(cancellationToken);
            return new PlanEditorOutcome(null, planPage);
        }
        var safety = plan.PatientId is { } id ? await PatientSafety.LoadAsync(db, id, cancellationToken) : PatientSafety.None;
        var errors = Validate(input, plan, safety, command);
        if (errors.Count == 0 && plan.IsTemplate && await NameTakenAsync(db, plan, input.TemplateName!.Trim(), cancellationToken))
        {
            errors[nameof(input.TemplateName)] = text["Plans.TemplateNameTaken"];
        }
        if (errors.Count > 0)
        {
            return new PlanEditorOutcome(await ViewAsync(db, plan, cancellationToken, safety), Errors: errors);
        }

        var now = clock.Now;
        // The draft is claimed first: a colleague who activated it a moment ago holds its row until done, and then
        // the claim finds no draft any more, so nothing typed here lands in a plan the patient already sees.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (!await ClaimDraftAsync(db, plan.Id, now, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                return await NoLongerDraftAsync(db, plan, cancellationToken);
            }
            Apply(db, plan, input, now);
            switch (command)
            {
                case "up" or "down":
                    Move(plan, argument, command == "up" ? -1 : 1);
                    break;
                case "move":
                    MoveTo(plan, argument);
                    break;
                case "remove":
                    if (plan.Exercises.FirstOrDefault(e => e.Id.ToString() == argument) is { } removed)
                    {
                        plan.Exercises.Remove(removed);
                    }
                    break;
                case "add":
                    if ((ExerciseLibrary.Find(argument) ?? await lookup.OfferedAsync(argument, cancellationToken)) is { } exercise
                        && plan.Exercises.All(e => e.ExerciseId != exercise.Id))
                    {
                        var added = ExerciseLibrary.NewRow(exercise, plan.Exercises.Select(e => e.Order).DefaultIfEmpty(-1).Max() + 1);
                        added.PlanId = plan.Id;
                        plan.Exercises.Add(added);
                        // Added explicitly: a new row with its key already set would otherwise be taken for an existing one.
                        db.Add(added);
                    }
                    break;
            }
            Renumber(plan);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return command switch
        {
            "template" => await SaveTemplateAsync(db, plan, input.TemplateName!.Trim(), now, safety, cancellationToken),
            "activate" => await ActivateAsync(db, plan, now, safety, cancellationToken) ?? new PlanEditorOutcome(null, planPage),
            _ => new PlanEditorOutcome(await ViewAsync(db, plan, cancellationToken, safety), Saved: true),
        };
    }

    /// <summary>
    /// Touches the row only while it is still a draft. The conditional update waits for a colleague's transaction
    /// on the same row and then sees its outcome, so of two activations of one draft only the first gets through.
    /// The plan was just found through the access rule; the rule itself is left out here because its join makes
    /// PostgreSQL recheck the status against the row as it was before the wait, which lets both through.
    /// </summary>
    private static async Task<bool> ClaimDraftAsync(AppDbContext db, Guid planId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Plans.IgnoreQueryFilters().Where(p => p.Id == planId && p.Status == PlanStatus.Draft)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.UpdatedAt, now), cancellationToken) == 1;

    private async Task<PlanEditorOutcome> NoLongerDraftAsync(AppDbContext db, RecoveryPlan plan, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var current = await FindAsync(db, plan.PatientId, plan.Id, cancellationToken);
        return current is null
            ? PlanEditorOutcome.NotFound
            : new PlanEditorOutcome(await ViewAsync(db, current, cancellationToken), Conflict: text["Plans.NoLongerDraft"]);
    }

    private Task<bool> NameTakenAsync(AppDbContext db, RecoveryPlan plan, string name, CancellationToken cancellationToken)
    {
        var lower = name.ToLower();
        return db.Plans.AnyAsync(p => p.PatientId == null && p.PracticeId == plan.PracticeId && p.Id != plan.Id && p.TemplateName!.ToLower() == lower, cancellationToken);
    }

    private static Task<RecoveryPlan?> FindAsync(AppDbContext db, Guid? patientId, Guid planId, CancellationToken cancellationToken) =>
        db.Plans.Where(p => p.Id == planId && p.PatientId == patientId)
            .Include(p => p.Phases).Include(p => p.Exercises).AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);

    private async Task<PlanEditorView> ViewAsync(AppDbContext db, RecoveryPlan plan, CancellationToken cancellationToken, PatientSafety? safety = null)
    {
        if (plan.PatientId is not { } patientId)
        {
            var stored = PlanEditorInput.From(plan);
            stored.TemplateName = plan.TemplateName;
            var templateExercises = await ExercisesOfAsync(plan, cancellationToken);
            return new PlanEditorView(plan.TemplateName ?? "", plan.Id, plan.Version, plan.Status, plan.Title, PlanSummaryView.Of(plan, templateExercises), stored,
                Rows(plan, templateExercises), PatientSafety.None, [], null, new Dictionary<string, string>(), IsTemplate: true);
        }
        var patient = await db.Patients.Where(p => p.Id == patientId)
            .Select(p => new { Name = p.FirstName + " " + p.LastName, p.DateOfBirth }).SingleAsync(cancellationToken);
        safety ??= await PatientSafety.LoadAsync(db, patientId, cancellationToken);
        var suggestion = await SuggestionAsync(db, plan, patient.DateOfBirth, cancellationToken);
        var reasons = suggestion?.Suggestion is { } suggested
            ? suggested.Exercises.Concat(suggested.SelfCareModules).ToDictionary(item => item.Exercise.Id, item => item.Reason.Get())
            : [];
        var exercises = await ExercisesOfAsync(plan, cancellationToken);
        return new PlanEditorView(
            patient.Name, plan.Id, plan.Version, plan.Status, plan.Title,
            PlanSummaryView.Of(plan, exercises),
            PlanEditorInput.From(plan),
            Rows(plan, exercises),
            safety,
            PlanSafety.Check(plan, safety, exercises, text),
            suggestion,
            reasons);
    }

    private Task<IReadOnlyDictionary<string, Exercise>> ExercisesOfAsync(RecoveryPlan plan, CancellationToken cancellationToken) =>
        lookup.ResolveAsync(plan.Exercises.Select(e => e.ExerciseId), cancellationToken);

    private static List<EditorRow> Rows(RecoveryPlan plan, IReadOnlyDictionary<string, Exercise> exercises) =>
        plan.Exercises.OrderBy(e => e.Order)
            .Select(e => new EditorRow(e.Id, e.ExerciseId, ExerciseLibrary.IsSelfCare(e.ExerciseId), e.Dosage, exercises.GetValueOrDefault(e.ExerciseId)))
            .ToList();

    /// <summary>The suggestion is recomputed from its assessment (the core is deterministic) to explain each choice.</summary>
    private async Task<SuggestionResult?> SuggestionAsync(AppDbContext db, RecoveryPlan plan, DateOnly dateOfBirth, CancellationToken cancellationToken)
    {
        if (plan.Status != PlanStatus.Draft || plan.SourceAssessmentId is not { } assessmentId)
        {
            return null;
        }
        var source = await db.Assessments.AsNoTracking().Where(a => a.Id == assessmentId)
            .Include(a => a.Ratings).SingleOrDefaultAsync(cancellationToken);
        return source is null ? null : PlanSuggestions.Build(source, clock.AgeOf(dateOfBirth), clock.Today);
    }

    private static (string Command, string Argument) ParseCommand(string? command)
    {
        var text = command ?? "save";
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (text, "") : (text[..colon], text[(colon + 1)..]);
    }

    private Dictionary<string, string> Validate(PlanEditorInput input, RecoveryPlan plan, PatientSafety safety, string command)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        void Fail(string field, string message) => errors.TryAdd(field, message);

        if (string.IsNullOrWhiteSpace(input.Title))
        {
            Fail(nameof(input.Title), ValidationText.Required);
        }
        else if (input.Title.Trim().Length > PlanEditorInput.TitleMax)
        {
            Fail(nameof(input.Title), ValidationText.TooLong);
        }
        if (!PlanEditorInput.TryReadDate(input.StartsOn, out _))
        {
            Fail(nameof(input.StartsOn), ValidationText.Date);
        }
        if (input.Notes?.Trim().Length > PlanEditorInput.NotesMax)
        {
            Fail(nameof(input.Notes), ValidationText.TooLong);
        }
        for (var i = 0; i < (input.Phases?.Count ?? 0); i++)
        {
            if (input.Phases![i].Goal?.Trim().Length > PlanEditorInput.TextMax)
            {
                Fail($"Phases[{i}].{nameof(PhaseInput.Goal)}", ValidationText.TooLong);
            }
            if (!PlanEditorInput.TryReadDate(input.Phases[i].ReviewOn, out _))
            {
                Fail($"Phases[{i}].{nameof(PhaseInput.ReviewOn)}", ValidationText.Date);
            }
        }
        for (var i = 0; i < (input.Rows?.Count ?? 0); i++)
        {
            var row = input.Rows![i];
            foreach (var limit in row.Dosage.OutOfRange())
            {
                Fail($"Rows[{i}].{limit.Name}", text["Plans.Dose.Range", limit.Min, limit.Max]);
            }
            if (row.Instructions?.Trim().Length > PlanEditorInput.TextMax)
            {
                Fail($"Rows[{i}].{nameof(RowInput.Instructions)}", ValidationText.TooLong);
            }
            if (row.PrecautionNote?.Trim().Length > PlanEditorInput.TextMax)
            {
                Fail($"Rows[{i}].{nameof(RowInput.PrecautionNote)}", ValidationText.TooLong);
            }
            var stored = plan.Exercises.FirstOrDefault(e => e.Id == row.Id);
            if (stored is not null && row.PrecautionConfirmed && string.IsNullOrWhiteSpace(row.PrecautionNote) && safety.MustAvoid(stored.ExerciseId))
            {
                Fail($"Rows[{i}].{nameof(RowInput.PrecautionNote)}", text["Plans.AvoidNoteRequired"]);
            }
        }
        if (command == "template" || plan.IsTemplate)
        {
            if (string.IsNullOrWhiteSpace(input.TemplateName))
            {
                Fail(nameof(input.TemplateName), text["Plans.TemplateNameRequired"]);
            }
            else if (input.TemplateName.Trim().Length > PlanEditorInput.TitleMax)
            {
                Fail(nameof(input.TemplateName), ValidationText.TooLong);
            }
        }
        return errors;
    }

    /// <summary>Only what the therapist types is taken over; rows are matched by id, so a post cannot add rows of its own.</summary>
    private static void Apply(AppDbContext db, RecoveryPlan plan, PlanEditorInput input, DateTimeOffset now)
    {
        plan.Title = input.Title.Trim();
        if (plan.IsTemplate)
        {
            plan.TemplateName = input.TemplateName!.Trim();
        }
        plan.Notes = PlanEditorText.Clean(input.Notes);
        plan.StartsOn = PlanEditorInput.TryReadDate(input.StartsOn, out var startsOn) ? startsOn : plan.StartsOn;
        plan.UpdatedAt = now;
        foreach (var phase in (input.Phases ?? []).Where(p => Enum.IsDefined(p.Phase)).DistinctBy(p => p.Phase))
        {
            var stored = plan.Phases.FirstOrDefault(p => p.Phase == phase.Phase);
            if (!phase.Include)
            {
                if (stored is not null)
                {
                    plan.Phases.Remove(stored);
                }
                continue;
            }
            if (stored is null)
            {
                // Added explicitly: a new row with its key already set would otherwise be taken for an existing one.
                stored = new PlanPhase { PlanId = plan.Id, Phase = phase.Phase, Order = (int)phase.Phase };
                plan.Phases.Add(stored);
                db.Add(stored);
            }
            stored.EditGoal(PlanEditorText.Clean(phase.Goal));
            stored.ReviewOn = PlanEditorInput.TryReadDate(phase.ReviewOn, out var reviewOn) ? reviewOn : stored.ReviewOn;
        }
        foreach (var row in input.Rows ?? [])
        {
            if (plan.Exercises.FirstOrDefault(e => e.Id == row.Id) is { } stored)
            {
                if (!Enum.IsDefined(row.Phase))
                {
                    row.Phase = stored.Phase;
                }
                row.ApplyTo(stored, now);
            }
        }
    }

    /// <summary>Moves a row past its neighbour of the same kind, so exercises and self-care modules keep their own order.</summary>
    private static void Move(RecoveryPlan plan, string rowId, int direction)
    {
        var row = plan.Exercises.FirstOrDefault(e => e.Id.ToString() == rowId);
        if (row is null)
        {
            return;
        }
        var selfCare = ExerciseLibrary.IsSelfCare(row.ExerciseId);
        var group = plan.Exercises.Where(e => ExerciseLibrary.IsSelfCare(e.ExerciseId) == selfCare).OrderBy(e => e.Order).ToList();
        var to = group.IndexOf(row) + direction;
        if (to < 0 || to >= group.Count)
        {
            return;
        }
        (row.Order, group[to].Order) = (group[to].Order, row.Order);
    }

    /// <summary>
    /// Puts a row at a place among the rows of its own kind ("rowId:index", as a drag and drop gives it), the
    /// others keeping their order.
    /// </summary>
    private static void MoveTo(RecoveryPlan plan, string argument)
    {
        var colon = argument.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !int.TryParse(argument[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var index))
        {
            return;
        }
        var row = plan.Exercises.FirstOrDefault(e => e.Id.ToString() == argument[..colon]);
        if (row is null)
        {
            return;
        }
        var selfCare = ExerciseLibrary.IsSelfCare(row.ExerciseId);
        var group = plan.Exercises.Where(e => ExerciseLibrary.IsSelfCare(e.ExerciseId) == selfCare).OrderBy(e => e.Order).ToList();
        var places = group.Select(e => e.Order).ToList();
        group.Remove(row);
        group.Insert(Math.Clamp(index, 0, group.Count), row);
        for (var i = 0; i < group.Count; i++)
        {
            group[i].Order = places[i];
        }
    }

    private static void Renumber(RecoveryPlan plan)
    {
        var order = 0;
        foreach (var row in plan.Exercises.OrderBy(e => e.Order))
        {
            row.Order = order++;
        }
    }

    private async Task<PlanEditorOutcome> SaveTemplateAsync(AppDbContext db, RecoveryPlan plan, string name, DateTimeOffset now, PatientSafety safety, CancellationToken cancellationToken)
    {
        if (await NameTakenAsync(db, plan, name, cancellationToken))
        {
            return new PlanEditorOutcome(await ViewAsync(db, plan, cancellationToken, safety), Saved: true,
                Errors: new Dictionary<string, string> { [nameof(PlanEditorInput.TemplateName)] = text["Plans.TemplateNameTaken"] });
        }
        db.Plans.Add(PlanDrafts.TemplateFrom(plan, name, user.UserId, now));
        await db.SaveChangesAsync(cancellationToken);
        return new PlanEditorOutcome(await ViewAsync(db, plan, cancellationToken, safety), Saved: true, TemplateSaved: name);
    }

    /// <summary>
    /// The previous active version is superseded and this one activated in one transaction, in two steps because
    /// the database allows only one active version per patient at any moment. A colleague activating at the same
    /// moment makes the database refuse one of the two: the same draft is claimed only while it is one, and
    /// another version trips the one-active-version index. That one is told so. Null: activated.
    /// </summary>
    private async Task<PlanEditorOutcome?> ActivateAsync(AppDbContext db, RecoveryPlan plan, DateTimeOffset now, PatientSafety safety, CancellationToken cancellationToken)
    {
        if (PlanSafety.Check(plan, safety, await ExercisesOfAsync(plan, cancellationToken), text).Count > 0)
        {
            return new PlanEditorOutcome(await ViewAsync(db, plan, cancellationToken, safety), Saved: true, ActivationRefused: true);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            if (!await ClaimDraftAsync(db, plan.Id, now, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                return await NoLongerDraftAsync(db, plan, cancellationToken);
            }
            // A paused version is live too: the new one takes its place, so the patient never has two.
            var previous = await db.Plans.Where(p => p.PatientId == plan.PatientId && (p.Status == PlanStatus.Active || p.Status == PlanStatus.Paused))
                .ToListAsync(cancellationToken);
            foreach (var old in previous)
            {
                old.Status = PlanStatus.Superseded;
                old.UpdatedAt = now;
            }
            await db.SaveChangesAsync(cancellationToken);
            plan.Status = PlanStatus.Active;
            plan.ActivatedAt = now;
            plan.ActivatedById = user.UserId;
            plan.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException ex) when (db.IsUniqueViolation(ex))
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var current = await FindAsync(db, plan.PatientId, plan.Id, cancellationToken);
            return new PlanEditorOutcome(await ViewAsync(db, current!, cancellationToken), Saved: true, Conflict: text["Plans.ActivationConflict"]);
        }
    }
}
