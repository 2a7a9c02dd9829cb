using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Web.Features.ExerciseMedia;
using RugcentrumPortal.Web.Tests.PatientPortal;

namespace RugcentrumPortal.Web.Tests.ExerciseMedia;

public static class MediaTestKit
{
    /// <summary>Every test starts without media, plans or files.</summary>
    public static async Task ResetMediaAsync(this PortalFactory portal)
    {
        await portal.ResetAsync();
        await portal.WithDbAsync(db => db.ExerciseMedia.ExecuteDeleteAsync());
        foreach (var file in StoredFiles(portal))
        {
            File.Delete(file);
        }
    }

    /// <summary>Every file in the media folder, finished or in progress.</summary>
    public static IReadOnlyList<string> StoredFiles(PortalFactory portal) =>
        Directory.Exists(portal.MediaDirectory) ? Directory.GetFiles(portal.MediaDirectory, "*", SearchOption.AllDirectories) : [];

    public static Task<int> RowCountAsync(PortalFactory portal) => portal.WithDbAsync(db => db.ExerciseMedia.CountAsync());

    public static async Task<UploadResult> UploadAsync(this PortalFactory portal, string email, string exerciseId, string fileName, byte[] content,
        string? altText = "Oefening van opzij gezien", long? declaredLength = null)
    {
        await using var scope = await portal.Services.ScopeAsAsync(email);
        var service = scope.ServiceProvider.GetRequiredService<ExerciseMediaService>();
        return await service.UploadAsync(exerciseId, new MediaUpload(fileName, declaredLength ?? content.Length, () => new MemoryStream(content), altText), default);
    }

    public static async Task<MediaItem> UploadedAsync(this PortalFactory portal, string exerciseId, string fileName, byte[] content, string altText = "Oefening van opzij gezien")
    {
        var result = await portal.UploadAsync(Baseline.NoordTherapist, exerciseId, fileName, content, altText);
        Assert.True(result.Succeeded, result.FileError ?? result.AltTextError);
        return result.Saved!;
    }
}
