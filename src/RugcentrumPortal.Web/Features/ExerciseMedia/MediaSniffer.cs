using System.Text;

namespace RugcentrumPortal.Web.Features.ExerciseMedia;

public enum MediaFormat
{
    Unknown,
    Jpeg,
    Png,
    WebP,
    Mp4,
    WebM,
}

/// <summary>Recognises a file by its first bytes, whatever its name or the type the browser claimed.</summary>
public static class MediaSniffer
{
    public const int HeadLength = 64;

    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> Ebml => [0x1A, 0x45, 0xDF, 0xA3];

    public static MediaFormat Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return MediaFormat.Jpeg;
        }
        if (head.StartsWith(Png))
        {
            return MediaFormat.Png;
        }
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return MediaFormat.WebP;
        }
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return MediaFormat.Mp4;
        }
        // Matroska files other than WebM are refused: browsers do not promise to play them.
        if (head.StartsWith(Ebml) && head.IndexOf("webm"u8) > 0)
        {
            return MediaFormat.WebM;
        }
        return MediaFormat.Unknown;
    }

    public static bool IsImage(this MediaFormat format) => format is MediaFormat.Jpeg or MediaFormat.Png or MediaFormat.WebP;

    public static bool IsVideo(this MediaFormat format) => format is MediaFormat.Mp4 or MediaFormat.WebM;

    public static string ContentType(this MediaFormat format) => format switch
    {
        MediaFormat.Jpeg => "image/jpeg",
        MediaFormat.Png => "image/png",
        MediaFormat.WebP => "image/webp",
        MediaFormat.Mp4 => "video/mp4",
        MediaFormat.WebM => "video/webm",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
