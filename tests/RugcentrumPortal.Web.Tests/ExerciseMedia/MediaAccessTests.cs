using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.ExerciseMedia;
using RugcentrumPortal.Web.Tests.PatientPortal;
using SkiaSharp;

namespace RugcentrumPortal.Web.Tests.ExerciseMedia;

public class MediaAccessTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string Exercise = "chin-tuck";

    public Task InitializeAsync() => portal.ResetMediaAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_practices_therapist_and_its_patient_with_the_exercise_in_their_plan_get_the_photo()
    {
        await TestPlans.ActiveAsync(portal, Baseline.NoordPatientId, Exercise);
        var item = await portal.UploadedAsync(Exercise, "foto.png", MediaSamples.Picture(SKEncodedImageFormat.Png));

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(Baseline.NoordSecondTherapist, item.Url));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(Baseline.NoordPatient, item.Url));
    }

    [Fact]
    public async Task Another_practices_therapist_and_patient_get_not_found_even_with_the_exercise_in_their_plan()
    {
        await TestPlans.ActiveAsync(portal, Baseline.ZuidPatientId, Exercise);
        var item = await portal.UploadedAsync(Exercise, "oefening.mp4", await MediaSamples.VideoAsync("mp4", seconds: 1));

        foreach (var email in new[] { Baseline.ZuidTherapist, Baseline.ZuidPatient })
        {
            Assert.Equal((email, HttpStatusCode.NotFound), (email, await StatusAsync(email, item.Url)));
            Assert.Equal((email, HttpStatusCode.NotFound), (email, await StatusAsync(email, item.PosterUrl)));
        }
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.ZuidTherapist);
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<ExerciseMediaService>().ForExerciseAsync(Exercise, default));
    }

    [Fact]
    public async Task A_patient_whose_active_plan_lacks_the_exercise_gets_not_found_even_when_a_draft_holds_it()
    {
        await TestPlans.ActiveAsync(portal, Baseline.NoordPatientId, "pelvic-tilt");
        await TestPlans.DraftAsync(portal, Baseline.NoordPatientId, Exercise);
        var item = await portal.UploadedAsync(Exercise, "foto.png", MediaSamples.Picture(SKEncodedImageFormat.Png));

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(Baseline.NoordPatient, item.Url));
    }

    [Fact]
    public async Task An_administrator_and_a_visitor_do_not_get_the_file()
    {
        var item = await portal.UploadedAsync(Exercise, "foto.png", MediaSamples.Picture(SKEncodedImageFormat.Png));

        Assert.NotEqual(HttpStatusCode.OK, await StatusAsync(Baseline.NoordAdmin, item.Url));
        using var visitor = portal.CreatePortalClient();
        var anonymous = await visitor.GetAsync(item.Url);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.NotEqual("image/png", anonymous.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_range_request_gets_206_with_exactly_those_bytes_cached_only_privately()
    {
        await TestPlans.ActiveAsync(portal, Baseline.NoordPatientId, Exercise);
        var item = await portal.UploadedAsync(Exercise, "oefening.mp4", await MediaSamples.VideoAsync("mp4", seconds: 3));
        var stored = await File.ReadAllBytesAsync(Path.Combine(portal.MediaDirectory, item.Id.ToString("N")));
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);

        using var request = new HttpRequestMessage(HttpMethod.Get, item.Url);
        request.Headers.Range = new RangeHeaderValue(1000, 1999);
        var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"bytes 1000-1999/{stored.Length}", response.Content.Headers.ContentRange?.ToString());
        Assert.Equal(stored[1000..2000], await response.Content.ReadAsByteArrayAsync());
        Assert.True(response.Headers.CacheControl?.Private);
        Assert.False(response.Headers.CacheControl?.NoStore);
        Assert.NotNull(response.Headers.ETag);
        Assert.NotNull(response.Content.Headers.LastModified);

        using var again = new HttpRequestMessage(HttpMethod.Get, item.Url);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.Http.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task The_patients_exercise_page_shows_the_video_with_its_poster_and_the_photo_with_its_description()
    {
        var plan = await TestPlans.ActiveAsync(portal, Baseline.NoordPatientId, Exercise);
        var video = await portal.UploadedAsync(Exercise, "oefening.mp4", await MediaSamples.VideoAsync("mp4", seconds: 1), "Kin intrekken, van opzij");
        var photo = await portal.UploadedAsync(Exercise, "foto.png", MediaSamples.Picture(SKEncodedImageFormat.Png), "Eindhouding: kin naar achteren");
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);

        var page = await client.GetPageAsync($"/mijn/oefening/{plan.Exercises[0].Id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var player = Assert.Single(page.Document.QuerySelectorAll("video"));
        Assert.Equal("metadata", player.GetAttribute("preload"));
        Assert.Equal(video.PosterUrl, player.GetAttribute("poster"));
        Assert.Equal(video.Url, player.QuerySelector("source")?.GetAttribute("src"));
        Assert.Contains("Kin intrekken, van opzij", page.Document.QuerySelector("figcaption")?.TextContent);
        var image = Assert.Single(page.Document.QuerySelectorAll(".exercise-media img"));
        Assert.Equal((photo.Url, "Eindhouding: kin naar achteren"), (image.GetAttribute("src"), image.GetAttribute("alt")));
    }

    [Fact]
    public async Task A_deleted_item_is_gone_from_the_page_its_address_and_the_folder_and_another_practice_cannot_delete()
    {
        await TestPlans.ActiveAsync(portal, Baseline.NoordPatientId, Exercise);
        var item = await portal.UploadedAsync(Exercise, "oefening.mp4", await MediaSamples.VideoAsync("mp4", seconds: 1));

        Assert.False(await DeleteAsync(Baseline.ZuidTherapist, item.Id));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(Baseline.NoordPatient, item.Url));

        Assert.True(await DeleteAsync(Baseline.NoordTherapist, item.Id));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(Baseline.NoordPatient, item.Url));
        Assert.Equal(0, await MediaTestKit.RowCountAsync(portal));
        Assert.Empty(MediaTestKit.StoredFiles(portal));
    }

    private async Task<bool> DeleteAsync(string email, Guid id)
    {
        await using var scope = await portal.Services.ScopeAsAsync(email);
        return await scope.ServiceProvider.GetRequiredService<ExerciseMediaService>().DeleteAsync(id, default);
    }

    private async Task<HttpStatusCode> StatusAsync(string email, string url)
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(email);
        return (await client.GetAsync(url)).StatusCode;
    }
}
