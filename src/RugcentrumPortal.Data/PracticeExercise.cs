using RugcentrumPortal.Clinical.Exercises;

namespace RugcentrumPortal.Data;

/// <summary>
/// An exercise a practice wrote itself, next to the catalogue's. Plans refer to it by <see cref="Id"/> exactly as
/// they refer to a catalogue exercise; the prefix keeps the two kinds of id apart. The texts are kept as the
/// therapist wrote them, in one language. An exercise a plan uses is archived rather than deleted, so every plan
/// that holds it can still show it.
/// </summary>
public class PracticeExercise
{
    /// <summary>Starts every own exercise's id; no catalogue id does (catalogue ids are English kebab-case).</summary>
    public const string IdPrefix = "praktijk-";

    public string Id { get; set; } = NewId();
    public Guid PracticeId { get; set; }

    public required string Title { get; set; }
    public required string Purpose { get; set; }

    /// <summary>The steps in order, one per line.</summary>
    public required string Steps { get; set; }

    /// <summary>Points of attention, one per line; may be empty.</summary>
    public string Cues { get; set; } = "";

    public ExercisePhase Phase { get; set; }
    public ExerciseDosage DefaultDosage { get; set; } = ExerciseDosage.None;

    /// <summary>No longer offered for new plans; plans that hold it still show it.</summary>
    public bool IsArchived { get; set; }

    public required string CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string UpdatedById { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public static string NewId() => IdPrefix + Guid.CreateVersion7().ToString("N");

    public static bool IsOwnId(string exerciseId) => exerciseId.StartsWith(IdPrefix, StringComparison.Ordinal);
}
