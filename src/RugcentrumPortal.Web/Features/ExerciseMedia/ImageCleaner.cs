using SkiaSharp;

namespace RugcentrumPortal.Web.Features.ExerciseMedia;

public enum ImageOutcome
{
    Cleaned,
    Corrupt,
    TooManyPixels,
}

public sealed record CleanedImage(ImageOutcome Outcome, int Width = 0, int Height = 0);

/// <summary>
/// Opens a photo completely and writes it anew from its pixels only. What a camera or phone stored beside the
/// picture (location, camera, date, thumbnails) is not carried over; the picture is first turned the way the camera
/// said to hold it, because that note goes too, and scaled down when it is larger than any screen shows it.
/// </summary>
public static class ImageCleaner
{
    public static CleanedImage Clean(string source, string target, MediaFormat format)
    {
        using var codec = SKCodec.Create(source);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            return new(ImageOutcome.Corrupt);
        }
        if ((long)codec.Info.Width * codec.Info.Height > MediaLimits.ImageMaxPixels)
        {
            return new(ImageOutcome.TooManyPixels);
        }
        var opaque = codec.Info.AlphaType == SKAlphaType.Opaque;
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKImageInfo.PlatformColorType, opaque ? SKAlphaType.Opaque : SKAlphaType.Premul);
        using var decoded = new SKBitmap(info);
        // A truncated or damaged file decodes partly (IncompleteInput): it is refused rather than shown half grey.
        if (codec.GetPixels(info, decoded.GetPixels()) != SKCodecResult.Success)
        {
            return new(ImageOutcome.Corrupt);
        }
        using var upright = Upright(decoded, codec.EncodedOrigin);
        using var scaled = ScaledDown(upright);
        using var data = scaled.Encode(EncodingOf(format), format == MediaFormat.Png ? 100 : 85);
        if (data is null)
        {
            return new(ImageOutcome.Corrupt);
        }
        using (var output = File.Create(target))
        {
            data.SaveTo(output);
        }
        return new(ImageOutcome.Cleaned, scaled.Width, scaled.Height);
    }

    private static SKEncodedImageFormat EncodingOf(MediaFormat format) => format switch
    {
        MediaFormat.Png => SKEncodedImageFormat.Png,
        MediaFormat.WebP => SKEncodedImageFormat.Webp,
        _ => SKEncodedImageFormat.Jpeg,
    };

    /// <summary>The picture turned or mirrored as its EXIF orientation asks (values 2 to 8), as a new bitmap.</summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        float w = source.Width, h = source.Height;
        // x' = a·x + b·y + c, y' = d·x + e·y + f for each orientation.
        (float a, float b, float c, float d, float e, float f) = origin switch
        {
            SKEncodedOrigin.TopRight => (-1, 0, w, 0, 1, 0),
            SKEncodedOrigin.BottomRight => (-1, 0, w, 0, -1, h),
            SKEncodedOrigin.BottomLeft => (1, 0, 0, 0, -1, h),
            SKEncodedOrigin.LeftTop => (0, 1, 0, 1, 0, 0),
            SKEncodedOrigin.RightTop => (0, -1, h, 1, 0, 0),
            SKEncodedOrigin.RightBottom => (0, -1, h, -1, 0, w),
            SKEncodedOrigin.LeftBottom => (0, 1, 0, -1, 0, w),
            _ => (1, 0, 0, 0, 1, 0),
        };
        var sideways = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(source.Info.WithSize(sideways ? source.Height : source.Width, sideways ? source.Width : source.Height));
        using var canvas = new SKCanvas(result);
        canvas.SetMatrix(new SKMatrix(a, b, c, d, e, f, 0, 0, 1));
        canvas.DrawBitmap(source, 0, 0);
        return result;
    }

    private static SKBitmap ScaledDown(SKBitmap source)
    {
        var longSide = Math.Max(source.Width, source.Height);
        if (longSide <= MediaLimits.StoredImageMaxSide)
        {
            return source.Copy();
        }
        var factor = (double)MediaLimits.StoredImageMaxSide / longSide;
        var size = source.Info.WithSize(Math.Max(1, (int)Math.Round(source.Width * factor)), Math.Max(1, (int)Math.Round(source.Height * factor)));
        return source.Resize(size, new SKSamplingOptions(SKCubicResampler.Mitchell));
    }
}
