namespace RugcentrumPortal.Web.Features.ExerciseMedia;

/// <summary>Where the practice's photos and videos are kept, and the tools that read and prepare videos.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>The folder for the files, relative to the app's content root unless absolute; never inside wwwroot.</summary>
    public string Folder { get; set; } = ".data/media";

    public string FfmpegPath { get; set; } = "ffmpeg";
    public string FfprobePath { get; set; } = "ffprobe";
}

/// <summary>What the portal accepts, stated once for the checks and for the page that tells the therapist.</summary>
public static class MediaLimits
{
    public const long ImageMaxBytes = 10 * 1024 * 1024;
    public const long VideoMaxBytes = 50 * 1024 * 1024;
    public const int VideoMaxSeconds = 120;

    /// <summary>Larger pictures would take a lot of memory to open; a phone photo has 12 to 48 million pixels.</summary>
    public const long ImageMaxPixels = 50_000_000;

    /// <summary>A stored photo is scaled down to this many pixels on its long side: enough for any screen it is shown on.</summary>
    public const int StoredImageMaxSide = 2048;

    public const string Accept = "image/jpeg,image/png,image/webp,video/mp4,video/webm";

    public static int ImageMaxMegabytes => (int)(ImageMaxBytes / 1024 / 1024);
    public static int VideoMaxMegabytes => (int)(VideoMaxBytes / 1024 / 1024);
}
