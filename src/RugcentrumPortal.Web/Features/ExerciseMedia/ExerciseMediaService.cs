using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using RugcentrumPortal.Data;
using RugcentrumPortal.Data.Configurations;
using RugcentrumPortal.Web.Features.PracticeExercises;
using RugcentrumPortal.Web.Infrastructure.Access;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.ExerciseMedia;

/// <summary>One photo or video as pages show it; the addresses go through the access rule on every request.</summary>
public sealed record MediaItem(
    Guid Id, string ExerciseId, MediaKind Kind, string ContentType, string AltText, string OriginalName, int Width, int Height, int? DurationSeconds, long Length, DateTimeOffset UploadedAt)
{
    public string Url => $"media/{Id}";
    public string PosterUrl => $"media/{Id}/poster";
}

/// <summary>A file as the therapist's browser handed it over; it is opened only when the checks before reading pass.</summary>
public sealed record MediaUpload(string FileName, long DeclaredLength, Func<Stream> Open, string? AltText);

/// <summary>What an upload did: the new item, or a message for the file or the description field.</summary>
public sealed record UploadResult(MediaItem? Saved, string? FileError = null, string? AltTextError = null, bool NotFound = false)
{
    public bool Succeeded => Saved is not null;
}

/// <summary>The stored file behind an address, with what the browser needs for caching and ranges.</summary>
public sealed record MediaFile(string Path, string ContentType, DateTimeOffset LastModified, EntityTagHeaderValue ETag);

/// <summary>
/// The practice's own photos and videos per exercise: listed for the exercise (the access rule decides whose),
/// uploaded and deleted by the practice's therapists, and looked up for serving. A file is only ever stored with its
/// record: the prepared file is moved into place before the record is saved and removed again if the save fails, and
/// a deleted record's files go right after it.
/// </summary>
public sealed class ExerciseMediaService(
    IDbContextFactory<AppDbContext> contexts, CurrentUser user, PracticeClock clock, MediaStore store, MediaProcessor processor,
    IStringLocalizer<Texts> text, ILogger<ExerciseMediaService> logger, ExerciseLookup lookup)
{
    /// <summary>Characters that make a name a path (or hide part of it); such a name is refused, not cleaned up.</summary>
    private static readonly char[] PathCharacters = ['/', '\\', ':', '*', '?', '"', '<', '>', '|'];

    public async Task<IReadOnlyList<MediaItem>> ForExerciseAsync(string exerciseId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ExerciseMedia
            .Where(m => m.ExerciseId == exerciseId)
            .OrderBy(m => m.UploadedAt)
            .Select(m => new MediaItem(m.Id, m.ExerciseId, m.Kind, m.ContentType, m.AltText, m.OriginalName, m.Width, m.Height, m.DurationSeconds, m.Length, m.UploadedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<UploadResult> UploadAsync(string exerciseId, MediaUpload upload, CancellationToken cancellationToken)
    {
        if (!user.IsTherapist || await lookup.FindAsync(exerciseId, cancellationToken) is null)
        {
            return new UploadResult(null, NotFound: true);
        }
        var altText = upload.AltText?.Trim() ?? "";
        var altTextError = altText.Length == 0 ? text["Media.AltText.Required"].Value
            : altText.Length > ExerciseMediaConfiguration.AltTextMaxLength ? text["Media.AltText.TooLong", ExerciseMediaConfiguration.AltTextMaxLength].Value
            : null;
        var fileError = NameError(upload.FileName)
            ?? (upload.DeclaredLength == 0 ? Message(MediaRefusal.Empty) : null)
            ?? (upload.DeclaredLength > MediaLimits.VideoMaxBytes ? Message(MediaRefusal.TooLarge) : null);
        if (altTextError is not null || fileError is not null)
        {
            return new UploadResult(null, fileError, altTextError);
        }

        using var work = store.NewWork();
        PreparedMedia? prepared;
        MediaRefusal refusal;
        await using (var content = upload.Open())
        {
            (prepared, refusal) = await processor.PrepareAsync(content, work, cancellationToken);
        }
        if (prepared is null)
        {
            return new UploadResult(null, Message(refusal));
        }

        var row = new ExerciseMediaItem
        {
            PracticeId = user.PracticeId, ExerciseId = exerciseId, Kind = prepared.Kind, ContentType = prepared.Format.ContentType(),
            Length = prepared.Length, Width = prepared.Width, Height = prepared.Height, DurationSeconds = prepared.DurationSeconds,
            AltText = altText, OriginalName = upload.FileName, UploadedById = user.UserId, UploadedAt = clock.Now,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ExerciseMedia.Add(row);
        store.Place(work, row.Id);
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch
        {
            store.Remove(row.Id);
            throw;
        }
        return new UploadResult(new MediaItem(row.Id, row.ExerciseId, row.Kind, row.ContentType, row.AltText, row.OriginalName, row.Width, row.Height, row.DurationSeconds, row.Length, row.UploadedAt));
    }

    /// <summary>Deletes an item of the therapist's own practice; false when it does not exist or is out of reach.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!user.IsTherapist)
        {
            return false;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.ExerciseMedia.Where(m => m.Id == id).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return false;
        }
        try
        {
            store.Remove(id);
        }
        catch (IOException ex)
        {
            // The record is gone, so nobody can reach the file any more; it only takes space until removed by hand.
            logger.LogWarning(ex, "The files of deleted media {MediaId} could not be removed", id);
        }
        return true;
    }

    /// <summary>The file (or a video's poster) behind an address, when the asking user may see it.</summary>
    public async Task<MediaFile?> FileAsync(Guid id, bool poster, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var item = await db.ExerciseMedia.Where(m => m.Id == id)
            .Select(m => new { m.Kind, m.ContentType, m.UploadedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (item is null || (poster && item.Kind != MediaKind.Video))
        {
            return null;
        }
        // A stored file never changes (a new upload gets a new id), so its id is its version.
        var tag = new EntityTagHeaderValue($"\"{id:N}{(poster ? "-p" : "")}\"");
        return poster
            ? new MediaFile(store.PosterOf(id), "image/jpeg", item.UploadedAt, tag)
            : new MediaFile(store.FileOf(id), item.ContentType, item.UploadedAt, tag);
    }

    private string? NameError(string name) =>
        name.Length == 0 || name.Length > ExerciseMediaConfiguration.OriginalNameMaxLength || name.IndexOfAny(PathCharacters) >= 0
        || name.Any(char.IsControl) || name.Contains("..", StringComparison.Ordinal) || name.Trim('.', ' ').Length == 0
            ? text["Media.Refused.Name"].Value
            : null;

    private string Message(MediaRefusal refusal) => refusal switch
    {
        MediaRefusal.Empty => text["Media.Refused.Empty"],
        MediaRefusal.TooLarge => text["Media.Refused.TooLarge", MediaLimits.ImageMaxMegabytes, MediaLimits.VideoMaxMegabytes],
        MediaRefusal.Corrupt => text["Media.Refused.Corrupt"],
        MediaRefusal.TooManyPixels => text["Media.Refused.TooManyPixels"],
        MediaRefusal.TooLong => text["Media.Refused.TooLong", MediaLimits.VideoMaxSeconds / 60],
        MediaRefusal.UnknownDuration => text["Media.Refused.UnknownDuration"],
        MediaRefusal.VideoToolsUnavailable => text["Media.Refused.VideoToolsUnavailable"],
        _ => text["Media.Refused.NotPhotoOrVideo"],
    };
}
