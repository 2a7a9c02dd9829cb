using System.Text;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.ExerciseMedia;
using RugcentrumPortal.Web.Tests.PatientPortal;
using SkiaSharp;

namespace RugcentrumPortal.Web.Tests.ExerciseMedia;

public class UploadValidationTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string Exercise = "chin-tuck";

    public Task InitializeAsync() => portal.ResetMediaAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_phone_photo_is_stored_anew_without_its_location_and_camera_and_turned_upright()
    {
        var original = MediaSamples.JpegWithLocation();
        Assert.Contains(MediaSamples.CameraMake, Encoding.ASCII.GetString(original));

        var item = await portal.UploadedAsync(Exercise, "IMG_2041.jpg", original, "Kin intrekken, van opzij gezien");

        var stored = await File.ReadAllBytesAsync(Path.Combine(portal.MediaDirectory, item.Id.ToString("N")));
        var text = Encoding.ASCII.GetString(stored);
        Assert.DoesNotContain("Exif", text);
        Assert.DoesNotContain(MediaSamples.CameraMake, text);
        using var codec = SKCodec.Create(new MemoryStream(stored));
        Assert.Equal(SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
        Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
        // The camera said "turn a quarter": the 40 × 20 picture is stored upright, 20 wide and 40 high.
        Assert.Equal((20, 40), (codec.Info.Width, codec.Info.Height));
        Assert.Equal((MediaKind.Image, "image/jpeg", 20, 40), (item.Kind, item.ContentType, item.Width, item.Height));
        var row = await portal.WithDbAsync(db => db.ExerciseMedia.SingleAsync());
        Assert.Equal((Baseline.NoordId, Exercise, "IMG_2041.jpg", "Kin intrekken, van opzij gezien"), (row.PracticeId, row.ExerciseId, row.OriginalName, row.AltText));
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png, "image/png")]
    [InlineData(SKEncodedImageFormat.Webp, "image/webp")]
    public async Task A_png_or_webp_is_recognised_by_its_bytes_whatever_its_name(SKEncodedImageFormat format, string contentType)
    {
        var item = await portal.UploadedAsync(Exercise, "foto.jpg", MediaSamples.Picture(format));

        Assert.Equal(contentType, item.ContentType);
    }

    [Fact]
    public async Task A_renamed_program_is_refused_as_not_a_photo_or_video_and_nothing_is_kept()
    {
        var result = await portal.UploadAsync(Baseline.NoordTherapist, Exercise, "oefening.jpg", MediaSamples.Executable());

        await AssertRefusedAsync(result, "Dit is geen foto of video die het portaal kan tonen");
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        var result = await portal.UploadAsync(Baseline.NoordTherapist, Exercise, "leeg.png", []);

        await AssertRefusedAsync(result, "Dit bestand is leeg");
    }

    [Fact]
    public async Task A_file_the_browser_reports_as_over_fifty_megabytes_is_refused_without_reading_it()
    {
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);
        var service = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ExerciseMediaService>(scope.ServiceProvider);

        var result = await service.UploadAsync(Exercise,
            new MediaUpload("groot.mp4", 60L * 1024 * 1024, () => throw new InvalidOperationException("an oversized file must not be read"), "Grote video"), default);

        await AssertRefusedAsync(result, "Dit bestand is te groot. Een foto mag hoogstens 10 MB zijn en een video hoogstens 50 MB.");
    }

    [Fact]
    public async Task A_photo_over_ten_megabytes_is_refused_even_when_the_browser_reported_it_smaller()
    {
        var jpeg = MediaSamples.Picture(SKEncodedImageFormat.Jpeg);
        var huge = new byte[11 * 1024 * 1024];
        jpeg.CopyTo(huge, 0);

        var result = await portal.UploadAsync(Baseline.NoordTherapist, Exercise, "groot.jpg", huge, declaredLength: 1000);

        await AssertRefusedAsync(result, "Dit bestand is te groot");
    }

    [Fact]
    public async Task A_photo_that_stops_halfway_is_refused_as_damaged()
    {
        var result = await portal.UploadAsync(Baseline.NoordTherapist, Exercise, "half.jpg", MediaSamples.TruncatedJpeg());

        await AssertRefusedAsync(result, "Dit bestand is beschadigd of niet compleet");
    }

    [Theory]
    [InlineData("../../geheim.jpg")]
    [InlineData("map/foto.jpg")]
    [InlineData("C:\\Users\\foto.jpg")]
    [InlineData("foto\u0000.jpg")]
    [InlineData("..")]
    public async Task A_name_with_path_characters_is_refused(string name)
    {
        var result = await portal.UploadAsync(Baseline.NoordTherapist, Exercise, name, MediaSamples.Picture(SKEncodedImageFormat.Png));

        await AssertRefusedAsync(result, "De bestandsnaam bevat tekens die niet mogen");
    }

    [Fact]
    public async Task A_description_of_what_it_shows_is_required()
    {
        var result = await portal.UploadAsync(Baseline.NoordTherapist, Exercise, "foto.png", MediaSamples.Picture(SKEncodedImageFormat.Png), altText: "  ");

        Assert.False(result.Succeeded);
        Assert.Equal("Beschrijf in een paar woorden wat er te zien is.", result.AltTextError);
        Assert.Equal(0, await MediaTestKit.RowCountAsync(portal));
        Assert.Empty(MediaTestKit.StoredFiles(portal));
    }

    [Fact]
    public async Task A_video_is_stored_without_its_location_with_its_length_and_a_poster_frame()
    {
        var video = await MediaSamples.VideoAsync("mp4", seconds: 3);

        var item = await portal.UploadedAsync(Exercise, "oefening.mp4", video, "Kin intrekken, van voren");

        Assert.Equal((MediaKind.Video, "video/mp4", 3, 160, 120), (item.Kind, item.ContentType, item.DurationSeconds, item.Width, item.Height));
        var stored = Path.Combine(portal.MediaDirectory, item.Id.ToString("N"));
        var metadata = await MediaSamples.VideoMetadataAsync(stored);
        Assert.DoesNotContain("52.37", metadata);
        Assert.DoesNotContain("Proefvideo", metadata);
        using var poster = SKCodec.Create(Path.Combine(portal.MediaDirectory, item.Id.ToString("N") + "-poster"));
        Assert.Equal((SKEncodedImageFormat.Jpeg, 160, 120), (poster.EncodedFormat, poster.Info.Width, poster.Info.Height));
    }

    [Fact]
    public async Task A_webm_video_is_accepted()
    {
        var item = await portal.UploadedAsync(Exercise, "opname.webm", await MediaSamples.VideoAsync("webm", seconds: 1));

        Assert.Equal(("video/webm", 1), (item.ContentType, item.DurationSeconds));
    }

    [Fact]
    public async Task A_video_longer_than_two_minutes_is_refused()
    {
        var video = await MediaSamples.VideoAsync("mp4", seconds: 125, width: 32, height: 24, rate: 1);

        var result = await portal.UploadAsync(Baseline.NoordTherapist, Exercise, "lang.mp4", video);

        await AssertRefusedAsync(result, "Deze video duurt te lang. Een video mag hoogstens 2 minuten duren.");
    }

    [Fact]
    public async Task A_video_that_is_not_what_its_first_bytes_promise_is_refused_as_damaged()
    {
        var result = await portal.UploadAsync(Baseline.NoordTherapist, Exercise, "kapot.mp4", MediaSamples.BrokenMp4());

        await AssertRefusedAsync(result, "Dit bestand is beschadigd of niet compleet");
    }

    [Fact]
    public async Task Only_a_therapist_adds_media_and_only_to_an_exercise_that_exists()
    {
        var png = MediaSamples.Picture(SKEncodedImageFormat.Png);

        var byPatient = await portal.UploadAsync(Baseline.NoordPatient, Exercise, "foto.png", png);
        var unknown = await portal.UploadAsync(Baseline.NoordTherapist, "geen-oefening", "foto.png", png);

        Assert.True(byPatient.NotFound);
        Assert.True(unknown.NotFound);
        Assert.Equal(0, await MediaTestKit.RowCountAsync(portal));
    }

    private async Task AssertRefusedAsync(UploadResult result, string message)
    {
        Assert.False(result.Succeeded);
        Assert.StartsWith(message, result.FileError);
        Assert.Equal(0, await MediaTestKit.RowCountAsync(portal));
        Assert.Empty(MediaTestKit.StoredFiles(portal));
    }
}
