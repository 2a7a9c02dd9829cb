using System.Resources;

[assembly: NeutralResourcesLanguage("nl")]

namespace RugcentrumPortal.Web;

/// <summary>Marker for the portal's UI texts in Resources/Texts.resx (Dutch) and Texts.en.resx (English).</summary>
public sealed class Texts
{
    internal static readonly ResourceManager Manager = new("RugcentrumPortal.Web.Resources.Texts", typeof(Texts).Assembly);
}

/// <summary>Validation messages for data annotations, read in the current UI culture.</summary>
public static class ValidationText
{
    public static string Required => Get(nameof(Required));
    public static string Email => Get(nameof(Email));
    public static string TooLong => Get(nameof(TooLong));
    public static string Phone => Get(nameof(Phone));
    public static string BirthDate => Get(nameof(BirthDate));
    public static string Date => Get(nameof(Date));

    private static string Get(string name) => Texts.Manager.GetString("Validation." + name) ?? name;
}
