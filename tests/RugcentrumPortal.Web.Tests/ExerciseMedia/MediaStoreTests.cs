using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Web.Features.ExerciseMedia;

namespace RugcentrumPortal.Web.Tests.ExerciseMedia;

public class MediaStoreTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public void Work_files_left_behind_by_a_stopped_upload_are_removed_and_recent_ones_kept()
    {
        var store = portal.Services.GetRequiredService<MediaStore>();
        var incoming = Path.Combine(store.Root, "incoming");
        var abandoned = Path.Combine(incoming, "abandoned.upload");
        var inProgress = Path.Combine(incoming, "in-progress.upload");
        File.WriteAllBytes(abandoned, [1, 2, 3]);
        File.SetLastWriteTimeUtc(abandoned, File.GetLastWriteTimeUtc(abandoned) - MediaStore.AbandonedAfter - TimeSpan.FromMinutes(5));
        File.WriteAllBytes(inProgress, [1, 2, 3]);

        store.RemoveAbandonedWork();

        Assert.False(File.Exists(abandoned));
        Assert.True(File.Exists(inProgress));
        File.Delete(inProgress);
    }
}
