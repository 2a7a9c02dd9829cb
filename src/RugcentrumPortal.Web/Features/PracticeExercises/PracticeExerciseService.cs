using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RugcentrumPortal.Clinical.Exercises;
using RugcentrumPortal.Data;
using RugcentrumPortal.Data.Configurations;
using RugcentrumPortal.Web.Infrastructure.Access;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.PracticeExercises;

/// <summary>An own exercise in the practice's list; <see cref="InUse"/> when any plan or template holds it.</summary>
public sealed record PracticeExerciseItem(string Id, string Title, ExercisePhase Phase, string Dosage, bool IsArchived, bool InUse, DateTimeOffset UpdatedAt);

/// <summary>What a save did: the exercise's id, or a message per field (and then nothing was saved).</summary>
public sealed record PracticeExerciseSaved(string? Id, IReadOnlyDictionary<string, string> Errors, bool NotFound = false)
{
    public bool Succeeded => Id is not null;
}

public enum RemoveOutcome
{
    NotFound,
    Deleted,

    /// <summary>A plan holds it: kept for that plan, no longer offered.</summary>
    Archived,
}

/// <summary>
/// The practice's own exercises: listed, written and changed by its therapists, removed when no plan holds them and
/// archived when one does. The access rule keeps every other practice's exercises out of reach (not found).
/// </summary>
public sealed class PracticeExerciseService(
    IDbContextFactory<AppDbContext> contexts, CurrentUser user, PracticeClock clock, IStringLocalizer<Texts> text)
{
    public async Task<IReadOnlyList<PracticeExerciseItem>> ListAsync(CancellationToken cancellationToken)
    {
        if (!user.IsTherapist)
        {
            return [];
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.PracticeExercises.AsNoTracking().ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var used = await db.PlanExercises.Where(e => ids.Contains(e.ExerciseId)).Select(e => e.ExerciseId).Distinct().ToListAsync(cancellationToken);
        return rows
            .OrderBy(r => r.IsArchived).ThenBy(r => r.Title, StringComparer.CurrentCulture)
            .Select(r => new PracticeExerciseItem(r.Id, r.Title, r.Phase, r.DefaultDosage.Describe().Get(), r.IsArchived, used.Contains(r.Id), r.UpdatedAt))
            .ToList();
    }

    /// <summary>The form filled with a stored exercise; null when it does not exist or is another practice's.</summary>
    public async Task<PracticeExerciseInput?> EditAsync(string id, CancellationToken cancellationToken)
    {
        if (!user.IsTherapist)
        {
            return null;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.PracticeExercises.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        return row is null ? null : PracticeExerciseInput.From(row);
    }

    /// <summary>Creates an exercise (no id) or changes one; with any message nothing is saved.</summary>
    public async Task<PracticeExerciseSaved> SaveAsync(string? id, PracticeExerciseInput input, CancellationToken cancellationToken)
    {
        if (!user.IsTherapist)
        {
            return new PracticeExerciseSaved(null, new Dictionary<string, string>(), NotFound: true);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = id is null ? null : await db.PracticeExercises.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (id is not null && row is null)
        {
            return new PracticeExerciseSaved(null, new Dictionary<string, string>(), NotFound: true);
        }
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return new PracticeExerciseSaved(null, errors);
        }
        var now = clock.Now;
        if (row is null)
        {
            row = new PracticeExercise
            {
                PracticeId = user.PracticeId, Title = "", Purpose = "", Steps = "",
                CreatedById = user.UserId, CreatedAt = now, UpdatedById = user.UserId,
            };
            db.PracticeExercises.Add(row);
        }
        row.Title = input.Title!.Trim();
        row.Purpose = input.Purpose!.Trim();
        row.Steps = PracticeExerciseInput.JoinLines(input.Steps);
        row.Cues = PracticeExerciseInput.JoinLines(input.Cues);
        row.Phase = input.Phase;
        row.DefaultDosage = input.Dosage;
        row.UpdatedById = user.UserId;
        row.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return new PracticeExerciseSaved(row.Id, new Dictionary<string, string>());
    }

    /// <summary>Deletes an exercise no plan or template holds; archives one that a plan holds, so that plan still shows it.</summary>
    public async Task<RemoveOutcome> RemoveAsync(string id, CancellationToken cancellationToken)
    {
        if (!user.IsTherapist)
        {
            return RemoveOutcome.NotFound;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.PracticeExercises.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (row is null)
        {
            return RemoveOutcome.NotFound;
        }
        if (await db.PlanExercises.AnyAsync(e => e.ExerciseId == id, cancellationToken))
        {
            row.IsArchived = true;
            row.UpdatedById = user.UserId;
            row.UpdatedAt = clock.Now;
            await db.SaveChangesAsync(cancellationToken);
            return RemoveOutcome.Archived;
        }
        db.PracticeExercises.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        return RemoveOutcome.Deleted;
    }

    /// <summary>Offers an archived exercise for new plans again.</summary>
    public async Task<bool> RestoreAsync(string id, CancellationToken cancellationToken)
    {
        if (!user.IsTherapist)
        {
            return false;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PracticeExercises.Where(e => e.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.IsArchived, false).SetProperty(e => e.UpdatedById, user.UserId).SetProperty(e => e.UpdatedAt, clock.Now), cancellationToken) > 0;
    }

    private Dictionary<string, string> Validate(PracticeExerciseInput input)
    {
        var errors = new Dictionary<string, string>();
        Text(nameof(input.Title), input.Title, PracticeExerciseConfiguration.TitleMaxLength, required: true);
        Text(nameof(input.Purpose), input.Purpose, PracticeExerciseConfiguration.PurposeMaxLength, required: true);
        Text(nameof(input.Steps), PracticeExerciseInput.JoinLines(input.Steps), PracticeExerciseConfiguration.LinesMaxLength, required: true);
        Text(nameof(input.Cues), PracticeExerciseInput.JoinLines(input.Cues), PracticeExerciseConfiguration.LinesMaxLength, required: false);
        if (!Enum.IsDefined(input.Phase))
        {
            errors[nameof(input.Phase)] = text["OwnExercises.Validation.Phase"];
        }
        foreach (var limit in input.Dosage.OutOfRange())
        {
            errors[limit.Name] = text["Plans.Dose.Range", limit.Min, limit.Max];
        }
        if (input.Dosage.IsEmpty)
        {
            errors[nameof(input.Repetitions)] = text["OwnExercises.Validation.Dosage"];
        }
        return errors;

        void Text(string field, string? value, int max, bool required)
        {
            var trimmed = value?.Trim() ?? "";
            if (required && trimmed.Length == 0)
            {
                errors[field] = text[$"OwnExercises.Validation.{field}"];
            }
            else if (trimmed.Length > max)
            {
                errors[field] = text["OwnExercises.Validation.TooLong", max, trimmed.Length];
            }
        }
    }
}
