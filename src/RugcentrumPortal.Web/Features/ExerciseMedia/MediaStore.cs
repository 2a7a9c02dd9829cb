using Microsoft.Extensions.Options;

namespace RugcentrumPortal.Web.Features.ExerciseMedia;

/// <summary>
/// The folder that holds the files. Names are made from the record's id, never from the uploaded name, and files
/// are only ever reached through their record, so the folder can sit anywhere outside the web root.
/// </summary>
public sealed class MediaStore
{
    private readonly string incoming;

    public MediaStore(IOptions<MediaOptions> options, IWebHostEnvironment environment)
    {
        Root = Path.GetFullPath(options.Value.Folder, environment.ContentRootPath);
        var webRoot = Path.GetFullPath(environment.WebRootPath ?? Path.Combine(environment.ContentRootPath, "wwwroot"));
        if (Root.StartsWith(webRoot.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Root == webRoot)
        {
            throw new InvalidOperationException($"Media:Folder must lie outside the web root, where anyone could download it: {Root}");
        }
        incoming = Path.Combine(Root, "incoming");
        Directory.CreateDirectory(incoming);
        RemoveAbandonedWork();
    }

    /// <summary>How old a work file must be before it counts as left behind by a stopped process, not an upload in progress.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);

    public string Root { get; }

    public string FileOf(Guid id) => Path.Combine(Root, id.ToString("N"));

    public string PosterOf(Guid id) => Path.Combine(Root, id.ToString("N") + "-poster");

    /// <summary>A fresh file name for work in progress; <see cref="WorkFiles"/> removes it however the work ends.</summary>
    public WorkFiles NewWork() => new(incoming);

    /// <summary>Moves finished files into place under the record's id.</summary>
    public void Place(WorkFiles work, Guid id)
    {
        File.Move(work.Result, FileOf(id));
        if (File.Exists(work.Poster))
        {
            File.Move(work.Poster, PosterOf(id));
        }
    }

    public void Remove(Guid id)
    {
        File.Delete(FileOf(id));
        File.Delete(PosterOf(id));
    }

    /// <summary>
    /// Deletes work files that a process stopped in the middle of an upload left behind. Other instances may share the
    /// folder, so only files untouched for <see cref="AbandonedAfter"/> go.
    /// </summary>
    public void RemoveAbandonedWork()
    {
        // File ages are measured on the file system's own clock (a file written now), not the practice's clock.
        var marker = Path.Combine(Root, $"sweep-{Guid.NewGuid():N}");
        File.WriteAllBytes(marker, []);
        var now = File.GetLastWriteTimeUtc(marker);
        File.Delete(marker);
        foreach (var file in new DirectoryInfo(incoming).EnumerateFiles())
        {
            if (now - file.LastWriteTimeUtc > AbandonedAfter)
            {
                file.Delete();
            }
        }
    }
}

/// <summary>The files of one upload while it is checked and prepared, deleted together at the end.</summary>
public sealed class WorkFiles(string folder) : IDisposable
{
    private readonly string stem = Path.Combine(folder, Guid.NewGuid().ToString("N"));

    public string Upload => stem + ".upload";
    public string Result => stem + ".result";
    public string Poster => stem + ".poster";

    public void Dispose()
    {
        foreach (var path in new[] { Upload, Result, Poster })
        {
            File.Delete(path);
        }
    }
}
