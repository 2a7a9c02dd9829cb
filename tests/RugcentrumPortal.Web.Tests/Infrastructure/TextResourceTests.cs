using System.Xml.Linq;

namespace RugcentrumPortal.Web.Tests.Infrastructure;

public class TextResourceTests
{
    private static readonly string ResourceDir = Path.Combine(RepositoryFiles.Root, "src", "RugcentrumPortal.Web", "Resources");

    [Fact]
    public void Every_dutch_text_has_an_english_translation_and_no_text_is_empty()
    {
        var dutch = Load("Texts.resx");
        var english = Load("Texts.en.resx");

        Assert.Empty(dutch.Keys.Except(english.Keys));
        Assert.Empty(english.Keys.Except(dutch.Keys));
        Assert.DoesNotContain(dutch, pair => string.IsNullOrWhiteSpace(pair.Value));
        Assert.DoesNotContain(english, pair => string.IsNullOrWhiteSpace(pair.Value));
    }

    [Fact]
    public void Every_text_key_used_in_the_portal_exists()
    {
        var keys = Load("Texts.resx").Keys.ToHashSet();
        var source = Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "src", "RugcentrumPortal.Web"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var used = source
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "T\\[\"([A-Za-z.]+[A-Za-z])\"").Select(m => (File: f, Key: m.Groups[1].Value)))
            .ToList();

        Assert.NotEmpty(used);
        Assert.Empty(used.Where(u => !keys.Contains(u.Key)).Select(u => $"{Path.GetFileName(u.File)}: {u.Key}"));
    }

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(ResourceDir, file)).Root!.Elements("data")
            .ToDictionary(e => (string)e.Attribute("name")!, e => (string?)e.Element("value") ?? "");
}
