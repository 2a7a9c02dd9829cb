/// <summary>What the browser benchmarks share: where the repository is, and how one live interaction is timed.</summary>
internal static class BenchSupport
{
    /// <summary>
    /// Clicks inside the page and resolves at the first change to the page body, the render the server sent back,
    /// with the milliseconds in between.
    /// </summary>
    public const string RoundTripScript = """
        selector => new Promise((resolve, reject) => {
            const target = document.querySelector(selector);
            if (!target) { reject(new Error('nothing matches ' + selector)); return; }
            const observer = new MutationObserver(() => { observer.disconnect(); resolve(performance.now() - start); });
            observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
            const start = performance.now();
            target.click();
        })
        """;

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RugcentrumPortal.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
    }
}
