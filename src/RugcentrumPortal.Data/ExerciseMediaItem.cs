namespace RugcentrumPortal.Data;

public enum MediaKind
{
    Image,
    Video,
}

/// <summary>
/// A photo or short video a practice added to an exercise, shown to its own therapists and to its patients whose
/// active plan holds that exercise. The bytes live in the media folder under names made from <see cref="Id"/>; the
/// name the file had on the therapist's computer is kept only to recognise it in the list.
/// </summary>
public class ExerciseMediaItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PracticeId { get; set; }

    /// <summary>The exercise as plans refer to it: a catalogue id.</summary>
    public required string ExerciseId { get; set; }

    public MediaKind Kind { get; set; }

    /// <summary>What the stored bytes are, as found in them (never as the upload claimed).</summary>
    public required string ContentType { get; set; }

    public long Length { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }

    /// <summary>A video's length in whole seconds; null for a photo.</summary>
    public int? DurationSeconds { get; set; }

    /// <summary>What the picture or video shows, for people who cannot see it.</summary>
    public required string AltText { get; set; }

    public required string OriginalName { get; set; }
    public required string UploadedById { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}
