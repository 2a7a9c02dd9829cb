using System.Globalization;

namespace RugcentrumPortal.Web.Features.Plans;

/// <summary>
/// A plan's title as its reader sees it. The portal's own default title is stored in the language the therapist
/// worked in; it reads in the reader's language. A title the therapist typed stays as they wrote it.
/// </summary>
public static class PlanTitles
{
    private const string DefaultKey = "Plans.DefaultTitle";

    private static readonly string[] Defaults = new[] { "nl", "en" }
        .Select(language => Texts.Manager.GetString(DefaultKey, CultureInfo.GetCultureInfo(language))!)
        .ToArray();

    public static string Shown(string title) =>
        Defaults.Contains(title, StringComparer.Ordinal) ? Texts.Manager.GetString(DefaultKey)! : title;
}
