using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using SkiaSharp;

namespace RugcentrumPortal.Web.Tests.ExerciseMedia;

/// <summary>Files a therapist might upload, made in code: real pictures and videos, a camera's metadata, and fakes.</summary>
public static class MediaSamples
{
    public const string CameraMake = "ProefCamera";

    /// <summary>A landscape picture of 40 × 20 pixels, left half red, as a camera saves it.</summary>
    public static byte[] Picture(SKEncodedImageFormat format, int width = 40, int height = 20)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            canvas.DrawRect(0, 0, width / 2f, height, new SKPaint { Color = SKColors.Red });
        }
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>
    /// A JPEG with an EXIF block as a phone writes one: the camera's make, an orientation (6: turn a quarter to the
    /// right to show it upright) and the place it was taken (52°22'N 4°53'E).
    /// </summary>
    public static byte[] JpegWithLocation()
    {
        var jpeg = Picture(SKEncodedImageFormat.Jpeg);
        var exif = ExifBlock();
        var segment = new byte[4 + exif.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(exif.Length + 2));
        exif.CopyTo(segment, 4);
        // Straight after the start-of-image marker, where cameras put it.
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    private static byte[] ExifBlock()
    {
        // TIFF, little-endian: IFD0 at 8 with Make, Orientation and a pointer to the GPS IFD.
        var tiff = new byte[200];
        var w = tiff.AsSpan();
        "II"u8.CopyTo(w);
        BinaryPrimitives.WriteUInt16LittleEndian(w[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(w[4..], 8);
        const int ifd0 = 8, gpsIfd = 8 + 2 + 3 * 12 + 4, makeAt = gpsIfd + 2 + 3 * 12 + 4, latitudeAt = makeAt + 16;
        BinaryPrimitives.WriteUInt16LittleEndian(w[ifd0..], 3);
        Entry(w, ifd0 + 2, 0x010F, 2, CameraMake.Length + 1, makeAt);
        Entry(w, ifd0 + 14, 0x0112, 3, 1, 6);
        Entry(w, ifd0 + 26, 0x8825, 4, 1, gpsIfd);
        BinaryPrimitives.WriteUInt16LittleEndian(w[gpsIfd..], 3);
        Entry(w, gpsIfd + 2, 0x0001, 2, 2, 'N');
        Entry(w, gpsIfd + 14, 0x0002, 5, 3, latitudeAt);
        Entry(w, gpsIfd + 26, 0x0003, 2, 2, 'E');
        Encoding.ASCII.GetBytes(CameraMake).CopyTo(w[makeAt..]);
        foreach (var (i, value) in new[] { (0, 52u), (1, 22u), (2, 30u) })
        {
            BinaryPrimitives.WriteUInt32LittleEndian(w[(latitudeAt + i * 8)..], value);
            BinaryPrimitives.WriteUInt32LittleEndian(w[(latitudeAt + i * 8 + 4)..], 1);
        }
        return [.. "Exif\0\0"u8, .. tiff];
    }

    private static void Entry(Span<byte> tiff, int at, ushort tag, ushort type, int count, int value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(tiff[at..], tag);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff[(at + 2)..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff[(at + 4)..], (uint)count);
        if (type == 3)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(tiff[(at + 8)..], (ushort)value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(tiff[(at + 8)..], (uint)value);
        }
    }

    /// <summary>A Windows program as it starts ("MZ"), saved under a photo's name.</summary>
    public static byte[] Executable() => [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, .. new byte[500]];

    /// <summary>A JPEG that stops halfway, as after a broken transfer.</summary>
    public static byte[] TruncatedJpeg()
    {
        var whole = Picture(SKEncodedImageFormat.Jpeg, 400, 300);
        return whole[..(whole.Length / 2)];
    }

    /// <summary>An MP4's opening box followed by noise: the first bytes promise a video, the rest is not one.</summary>
    public static byte[] BrokenMp4()
    {
        byte[] head = [0, 0, 0, 0x18, .. "ftypisom"u8, 0, 0, 2, 0, .. "isomiso2"u8];
        var noise = new byte[4096];
        new Random(7).NextBytes(noise);
        return [.. head, .. noise];
    }

    /// <summary>A real test-pattern video made by ffmpeg, with a place and a title in its metadata as a phone writes them.</summary>
    public static async Task<byte[]> VideoAsync(string container, int seconds, int width = 160, int height = 120, int rate = 10)
    {
        var path = Path.Combine(Path.GetTempPath(), $"rc-sample-{Guid.NewGuid():N}.{container}");
        var codec = container == "webm" ? new[] { "-c:v", "libvpx", "-deadline", "realtime", "-b:v", "200k" } : ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"];
        try
        {
            await RunAsync("ffmpeg", [
                "-v", "error", "-nostdin", "-y", "-f", "lavfi", "-i", $"testsrc=duration={seconds}:size={width}x{height}:rate={rate}",
                .. codec, "-metadata", "location=+52.3700+004.8900/", "-metadata", "title=Proefvideo", path]);
            return await File.ReadAllBytesAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The metadata ffprobe reads from a stored video, for checking what was left in it.</summary>
    public static async Task<string> VideoMetadataAsync(string path) =>
        await RunAsync("ffprobe", ["-v", "error", "-show_entries", "format_tags:stream_tags", "-of", "default", path]);

    private static async Task<string> RunAsync(string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {errors}");
        return await output;
    }
}
