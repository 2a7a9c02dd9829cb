using System.Text.RegularExpressions;

namespace RugcentrumPortal.Web.Tests.Infrastructure;

/// <summary>
/// The rules that keep a feature readable top to bottom, checked on the source itself so a change that breaks one
/// fails here: components hold no database context, time comes from the practice clock, and no two feature folders
/// depend on each other.
/// </summary>
public partial class FeatureLayoutTests
{
    private static readonly string Root = RepositoryFiles.Root;
    private static readonly string WebProject = Path.Combine(Root, "src", "RugcentrumPortal.Web");

    [Fact]
    public void No_component_injects_the_database_context_or_its_factory()
    {
        var offenders = SourceFiles("*.razor")
            .Where(f => DatabaseInjection().IsMatch(File.ReadAllText(f)))
            .Select(Relative)
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Only_the_practice_clock_reads_the_system_time()
    {
        var offenders = SourceFiles("*.cs").Concat(SourceFiles("*.razor"))
            .Where(f => !f.EndsWith("PracticeClock.cs", StringComparison.Ordinal) && !f.EndsWith("ClockSetup.cs", StringComparison.Ordinal))
            .Where(f => SystemTime().IsMatch(File.ReadAllText(f)))
            .Select(Relative)
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Feature_folders_depend_on_each_other_in_one_direction_only()
    {
        var features = Directory.GetDirectories(Path.Combine(WebProject, "Features")).Select(Path.GetFileName).OfType<string>().ToHashSet();
        var uses = features.ToDictionary(f => f, f => FeatureReferences(f, features));

        var cycles = (from a in features
                      from b in uses[a]
                      where string.CompareOrdinal(a, b) < 0 && Reaches(uses, b, a)
                      select $"{a} <-> {b}").ToList();

        Assert.Empty(cycles);
    }

    private static HashSet<string> FeatureReferences(string feature, HashSet<string> features)
    {
        var folder = Path.Combine(WebProject, "Features", feature);
        return Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .SelectMany(f => FeatureNamespace().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(other => other != feature && features.Contains(other))
            .ToHashSet();
    }

    private static bool Reaches(Dictionary<string, HashSet<string>> uses, string from, string to)
    {
        var seen = new HashSet<string>();
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var current))
        {
            if (current == to)
            {
                return true;
            }
            foreach (var next in uses[current].Where(seen.Add))
            {
                queue.Enqueue(next);
            }
        }
        return false;
    }

    private static IEnumerable<string> SourceFiles(string pattern) =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), pattern, SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Relative(string path) => Path.GetRelativePath(Root, path);

    [GeneratedRegex(@"@inject\s+(AppDbContext|IDbContextFactory<AppDbContext>)\b")]
    private static partial Regex DatabaseInjection();

    [GeneratedRegex(@"\bDateTime(Offset)?\.(Now|UtcNow|Today)\b|\bGetLocalNow\(\)|\.ToLocalTime\(\)|\.LocalDateTime\b")]
    private static partial Regex SystemTime();

    [GeneratedRegex(@"RugcentrumPortal\.Web\.Features\.(\w+)")]
    private static partial Regex FeatureNamespace();
}
