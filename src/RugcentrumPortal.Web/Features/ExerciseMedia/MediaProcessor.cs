using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.ExerciseMedia;

/// <summary>Why an upload was refused; each has its own message for the therapist.</summary>
public enum MediaRefusal
{
    None,
    Empty,
    TooLarge,
    NotPhotoOrVideo,
    Corrupt,
    TooManyPixels,
    TooLong,
    UnknownDuration,
    VideoToolsUnavailable,
}

/// <summary>A file that passed every check, prepared in <see cref="WorkFiles.Result"/> (and a poster for a video).</summary>
public sealed record PreparedMedia(MediaKind Kind, MediaFormat Format, long Length, int Width, int Height, int? DurationSeconds);

/// <summary>
/// Checks an upload by what its bytes are, never by its name: received into the work folder with the size limit
/// counted as it arrives, recognised from its first bytes, and then opened completely. A photo is written anew
/// without its metadata; a video is read by ffprobe, copied into a clean container and given a poster frame.
/// </summary>
public sealed class MediaProcessor(VideoTools videos, ILogger<MediaProcessor> logger)
{
    public async Task<(PreparedMedia? Media, MediaRefusal Refusal)> PrepareAsync(Stream content, WorkFiles work, CancellationToken cancellationToken)
    {
        var received = await ReceiveAsync(content, work.Upload, cancellationToken);
        if (received == 0)
        {
            return (null, MediaRefusal.Empty);
        }
        if (received > MediaLimits.VideoMaxBytes)
        {
            return (null, MediaRefusal.TooLarge);
        }
        var format = await SniffAsync(work.Upload, cancellationToken);
        if (format.IsImage())
        {
            return received > MediaLimits.ImageMaxBytes ? (null, MediaRefusal.TooLarge) : PrepareImage(work, format);
        }
        if (format.IsVideo())
        {
            try
            {
                return await PrepareVideoAsync(work, format, cancellationToken);
            }
            catch (VideoToolsUnavailableException ex)
            {
                logger.LogError(ex, "A video could not be checked");
                return (null, MediaRefusal.VideoToolsUnavailable);
            }
        }
        return (null, MediaRefusal.NotPhotoOrVideo);
    }

    /// <summary>Copies the upload to disk and stops one byte past the largest allowed size; returns what arrived.</summary>
    private static async Task<long> ReceiveAsync(Stream content, string path, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        await using var file = File.Create(path);
        int read;
        while (total <= MediaLimits.VideoMaxBytes && (read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            total += read;
        }
        return total;
    }

    private static async Task<MediaFormat> SniffAsync(string path, CancellationToken cancellationToken)
    {
        var head = new byte[MediaSniffer.HeadLength];
        await using var file = File.OpenRead(path);
        var length = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        return MediaSniffer.Sniff(head.AsSpan(0, length));
    }

    private static (PreparedMedia?, MediaRefusal) PrepareImage(WorkFiles work, MediaFormat format)
    {
        var cleaned = ImageCleaner.Clean(work.Upload, work.Result, format);
        return cleaned.Outcome switch
        {
            ImageOutcome.Cleaned => (new PreparedMedia(MediaKind.Image, format, new FileInfo(work.Result).Length, cleaned.Width, cleaned.Height, null), MediaRefusal.None),
            ImageOutcome.TooManyPixels => (null, MediaRefusal.TooManyPixels),
            _ => (null, MediaRefusal.Corrupt),
        };
    }

    private async Task<(PreparedMedia?, MediaRefusal)> PrepareVideoAsync(WorkFiles work, MediaFormat format, CancellationToken cancellationToken)
    {
        var probe = await videos.ProbeAsync(work.Upload, cancellationToken);
        // The container ffprobe found must be the one the first bytes announced.
        var expected = format == MediaFormat.Mp4 ? "mp4" : "webm";
        if (probe is null || !probe.FormatName.Split(',').Contains(expected) || probe.Width <= 0 || probe.Height <= 0)
        {
            return (null, MediaRefusal.Corrupt);
        }
        if (probe.DurationSeconds is not { } duration || duration <= 0)
        {
            return (null, MediaRefusal.UnknownDuration);
        }
        if (duration > MediaLimits.VideoMaxSeconds)
        {
            return (null, MediaRefusal.TooLong);
        }
        if (!await videos.CopyCleanAsync(work.Upload, work.Result, format, cancellationToken)
            || !await videos.PosterAsync(work.Result, work.Poster, Math.Min(1.0, duration / 2), cancellationToken))
        {
            return (null, MediaRefusal.Corrupt);
        }
        var length = new FileInfo(work.Result).Length;
        return (new PreparedMedia(MediaKind.Video, format, length, probe.Width, probe.Height, (int)Math.Ceiling(duration)), MediaRefusal.None);
    }
}
