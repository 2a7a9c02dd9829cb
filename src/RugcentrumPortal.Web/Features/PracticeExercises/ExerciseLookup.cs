using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Exercises;
using RugcentrumPortal.Clinical.Text;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.PracticeExercises;

/// <summary>
/// The one way from a plan row's exercise id to what the row shows: a catalogue exercise as it is, or a practice's
/// own exercise in the same shape (its texts in both languages as written, no muscles, no precautions, no figure).
/// Own exercises are read through the access rule, so a patient or another practice finds only what it may see.
/// </summary>
public sealed class ExerciseLookup(IDbContextFactory<AppDbContext> contexts)
{
    public static bool IsOwn(string exerciseId) => PracticeExercise.IsOwnId(exerciseId);

    public async Task<Exercise?> FindAsync(string exerciseId, CancellationToken cancellationToken) =>
        (await ResolveAsync([exerciseId], cancellationToken)).GetValueOrDefault(exerciseId);

    /// <summary>The exercises behind the ids that can be found; archived own exercises included.</summary>
    public async Task<IReadOnlyDictionary<string, Exercise>> ResolveAsync(IEnumerable<string> exerciseIds, CancellationToken cancellationToken)
    {
        var ids = exerciseIds.Distinct().ToList();
        var found = new Dictionary<string, Exercise>();
        foreach (var id in ids)
        {
            if (ClinicalCatalog.Default.ExercisesById.TryGetValue(id, out var exercise))
            {
                found[id] = exercise;
            }
        }
        var own = ids.Where(IsOwn).ToList();
        if (own.Count > 0)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            foreach (var row in await db.PracticeExercises.AsNoTracking().Where(e => own.Contains(e.Id)).ToListAsync(cancellationToken))
            {
                found[row.Id] = AsExercise(row);
            }
        }
        return found;
    }

    /// <summary>The practice's own exercises a new plan row may use (not archived), matching the search.</summary>
    public async Task<IReadOnlyList<Exercise>> OfferedAsync(string? text, ExercisePhase? phase, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.PracticeExercises.AsNoTracking()
            .Where(e => !e.IsArchived && (phase == null || e.Phase == phase))
            .ToListAsync(cancellationToken);
        var words = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return rows
            .Where(r => words.All(w => r.Title.Contains(w, StringComparison.OrdinalIgnoreCase) || r.Purpose.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(r => r.Title, StringComparer.CurrentCulture)
            .Select(AsExercise)
            .ToList();
    }

    /// <summary>An own exercise a new plan row may use; null when archived, unknown or another practice's.</summary>
    public async Task<Exercise?> OfferedAsync(string exerciseId, CancellationToken cancellationToken)
    {
        if (!IsOwn(exerciseId))
        {
            return null;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.PracticeExercises.AsNoTracking().SingleOrDefaultAsync(e => e.Id == exerciseId && !e.IsArchived, cancellationToken);
        return row is null ? null : AsExercise(row);
    }

    public static Exercise AsExercise(PracticeExercise row) => new()
    {
        Id = row.Id,
        Phase = row.Phase,
        IsSelfCareModule = false,
        Title = AsWritten(row.Title),
        Purpose = AsWritten(row.Purpose),
        Steps = Lines(row.Steps),
        Cues = Lines(row.Cues),
        CommonMistakes = [],
        DefaultDosage = new Dosage
        {
            Sets = row.DefaultDosage.Sets,
            Repetitions = row.DefaultDosage.Repetitions,
            HoldSeconds = row.DefaultDosage.HoldSeconds,
            RestSeconds = row.DefaultDosage.RestSeconds,
            TimesPerDay = row.DefaultDosage.TimesPerDay,
            TimesPerWeek = row.DefaultDosage.TimesPerWeek,
            Minutes = row.DefaultDosage.Minutes,
        },
        TargetMuscleIds = [],
        ReleasedMuscleIds = [],
        ProgressionIds = [],
        RegressionIds = [],
        Precautions = [],
    };

    /// <summary>The therapist wrote one language; every reader gets those words.</summary>
    private static LocalizedText AsWritten(string text) => new(text, text);

    private static ImmutableArray<LocalizedText> Lines(string text) =>
        [.. PracticeExerciseInput.SplitLines(text).Select(AsWritten)];
}
