using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Exercises;
using RugcentrumPortal.Clinical.Patterns;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.Plans;

/// <summary>The catalogue's exercises as the plan builder offers them: phase, dosage text and search.</summary>
public static class ExerciseLibrary
{
    public static ClinicalCatalog Catalog => ClinicalCatalog.Default;

    public static Exercise? Find(string exerciseId) => Catalog.ExercisesById.GetValueOrDefault(exerciseId);

    /// <summary>
    /// Where an exercise sits in the practice's recovery order. Relaxation belongs with releasing tension
    /// (mobility) and breathing with switching the deep muscles on (activation), as in the first phase.
    /// </summary>
    public static RecoveryPhase PhaseOf(Exercise exercise) => exercise.Phase switch
    {
        ExercisePhase.Mobility or ExercisePhase.Relaxation => RecoveryPhase.Mobility,
        ExercisePhase.Activation or ExercisePhase.Breathing => RecoveryPhase.Activation,
        ExercisePhase.StabilityControl => RecoveryPhase.Stability,
        ExercisePhase.Strength => RecoveryPhase.Strength,
        _ => RecoveryPhase.DailyMovement,
    };

    public static PlanExercise NewRow(Exercise exercise, int order) => new()
    {
        ExerciseId = exercise.Id,
        Order = order,
        Phase = PhaseOf(exercise),
        Dosage = ExerciseDosage.From(exercise.DefaultDosage),
    };

    public static string Title(string exerciseId) => Find(exerciseId)?.Title.Get() ?? exerciseId;

    /// <summary>The title of a row's exercise of either kind, from what the lookup resolved.</summary>
    public static string Title(string exerciseId, IReadOnlyDictionary<string, Exercise> resolved) =>
        resolved.TryGetValue(exerciseId, out var exercise) ? exercise.Title.Get() : exerciseId;

    public static bool IsSelfCare(string exerciseId) => Find(exerciseId)?.IsSelfCareModule == true;

    public static IEnumerable<string> MuscleIdsOf(Exercise exercise) => exercise.TargetMuscleIds.Concat(exercise.ReleasedMuscleIds);

    /// <summary>Regions that have at least one muscle an exercise works on, in catalogue order.</summary>
    public static IReadOnlyList<BodyRegion> Regions { get; } = Catalog.Regions
        .Where(r => Catalog.Exercises.Any(e => !e.IsSelfCareModule && MuscleIdsOf(e).Any(m => Catalog.MusclesById[m].RegionId == r.Id)))
        .ToList();

    public static IReadOnlyList<Clinical.Muscles.Muscle> Muscles { get; } = Catalog.Muscles
        .Where(m => Catalog.Exercises.Any(e => !e.IsSelfCareModule && MuscleIdsOf(e).Contains(m.Id)))
        .ToList();

    public static IReadOnlyList<Exercise> SelfCareModules { get; } = Catalog.Exercises.Where(e => e.IsSelfCareModule).ToList();

    /// <summary>Exercises (not self-care modules) matching the search text in Dutch or English and the filters.</summary>
    public static IReadOnlyList<Exercise> Search(string? text, ExercisePhase? phase, string? regionId, string? muscleId)
    {
        var words = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Catalog.Exercises
            .Where(e => !e.IsSelfCareModule)
            .Where(e => phase is null || e.Phase == phase)
            .Where(e => string.IsNullOrEmpty(regionId) || MuscleIdsOf(e).Any(m => Catalog.MusclesById[m].RegionId == regionId))
            .Where(e => string.IsNullOrEmpty(muscleId) || MuscleIdsOf(e).Contains(muscleId))
            .Where(e => words.All(w => Matches(e, w)))
            .OrderBy(e => PhaseOf(e)).ThenBy(e => e.Title.Get(), StringComparer.CurrentCulture)
            .ToList();
    }

    private static bool Matches(Exercise exercise, string word) =>
        new[] { exercise.Title.Nl, exercise.Title.En, exercise.Purpose.Nl, exercise.Purpose.En }
            .Any(t => t.Contains(word, StringComparison.OrdinalIgnoreCase));
}
