using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace RugcentrumPortal.Web.Features.ExerciseMedia;

/// <summary>What ffprobe found in a video file; null fields were not found.</summary>
public sealed record VideoProbe(string FormatName, int Width, int Height, double? DurationSeconds);

/// <summary>The video tools are not installed or did not answer in time: no fault of the file.</summary>
public sealed class VideoToolsUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Debian's ffprobe and ffmpeg, run as separate processes on files in the media folder: ffprobe reads what a video
/// is and how long it lasts, ffmpeg copies its streams into a clean container and takes a poster frame. Neither
/// ever decodes a file inside the portal's own process.
/// </summary>
public sealed class VideoTools(IOptions<MediaOptions> options)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    // One tool per core at a time: a few therapists uploading at once wait a moment instead of slowing every page.
    private readonly SemaphoreSlim running = new(Environment.ProcessorCount);

    /// <summary>The first video stream and the duration, or null when ffprobe cannot read the file as a video.</summary>
    public async Task<VideoProbe?> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        var (exitCode, output) = await RunAsync(options.Value.FfprobePath,
            ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", path], cancellationToken);
        if (exitCode != 0)
        {
            return null;
        }
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        if (!root.TryGetProperty("format", out var format) || !root.TryGetProperty("streams", out var streams))
        {
            return null;
        }
        var video = streams.EnumerateArray().FirstOrDefault(s =>
            s.TryGetProperty("codec_type", out var type) && type.GetString() == "video"
            && !(s.TryGetProperty("disposition", out var disposition) && disposition.TryGetProperty("attached_pic", out var picture) && picture.GetInt32() == 1));
        if (video.ValueKind != JsonValueKind.Object || !video.TryGetProperty("width", out var width) || !video.TryGetProperty("height", out var height))
        {
            return null;
        }
        double? duration = format.TryGetProperty("duration", out var value)
            && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;
        return new VideoProbe(format.GetProperty("format_name").GetString() ?? "", width.GetInt32(), height.GetInt32(), duration);
    }

    /// <summary>
    /// Copies the first video and audio stream, unchanged, into a new container without the file's metadata (where
    /// and with what it was filmed). An MP4 gets its index at the front, so a phone starts playing before the rest
    /// has arrived.
    /// </summary>
    public async Task<bool> CopyCleanAsync(string source, string target, MediaFormat format, CancellationToken cancellationToken)
    {
        List<string> arguments =
        [
            "-v", "error", "-nostdin", "-y", "-i", source, "-map", "0:v:0", "-map", "0:a:0?", "-c", "copy",
            "-map_metadata", "-1", "-map_metadata:s:v", "-1", "-map_metadata:s:a", "-1", "-map_chapters", "-1", "-fflags", "+bitexact",
        ];
        arguments.AddRange(format == MediaFormat.Mp4 ? ["-movflags", "+faststart", "-f", "mp4"] : ["-f", "webm"]);
        arguments.Add(target);
        var (exitCode, _) = await RunAsync(options.Value.FfmpegPath, arguments, cancellationToken);
        return exitCode == 0 && new FileInfo(target) is { Exists: true, Length: > 0 };
    }

    /// <summary>One frame at <paramref name="atSeconds"/> as a JPEG of at most 1280 pixels wide.</summary>
    public async Task<bool> PosterAsync(string video, string target, double atSeconds, CancellationToken cancellationToken)
    {
        var (exitCode, _) = await RunAsync(options.Value.FfmpegPath,
        [
            "-v", "error", "-nostdin", "-y", "-ss", atSeconds.ToString("0.###", CultureInfo.InvariantCulture), "-i", video,
            "-frames:v", "1", "-vf", "scale='min(1280,iw)':-2", "-map_metadata", "-1", "-f", "image2", "-c:v", "mjpeg", "-q:v", "4", target,
        ], cancellationToken);
        return exitCode == 0 && new FileInfo(target) is { Exists: true, Length: > 0 };
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        await running.WaitAsync(cancellationToken);
        try
        {
            return await RunOneAsync(tool, arguments, cancellationToken);
        }
        finally
        {
            running.Release();
        }
    }

    private static async Task<(int ExitCode, string Output)> RunOneAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new VideoToolsUnavailableException($"{tool} did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new VideoToolsUnavailableException($"{tool} is not installed.", ex);
        }
        using (process)
        {
            try
            {
                var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
                var errors = process.StandardError.ReadToEndAsync(timeout.Token);
                await process.WaitForExitAsync(timeout.Token);
                await errors;
                return (process.ExitCode, await output);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                throw new VideoToolsUnavailableException($"{tool} took longer than {Timeout.TotalSeconds} s.");
            }
        }
    }
}
