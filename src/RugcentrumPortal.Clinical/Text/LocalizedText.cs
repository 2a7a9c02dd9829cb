using System.Globalization;

namespace RugcentrumPortal.Clinical.Text;

/// <summary>A text shown to patients or therapists, in Dutch (primary) and English.</summary>
/// <param name="Nl">Dutch text; the practice's working language and the fallback for unknown cultures.</param>
/// <param name="En">English text.</param>
public sealed record LocalizedText(string Nl, string En)
{
    /// <summary>Returns the English text for any culture whose name starts with "en", otherwise the Dutch text.</summary>
    public string Get(string? culture) =>
        culture is not null && culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? En : Nl;

    /// <summary>Returns the text for the given culture; Dutch unless the culture is English.</summary>
    public string Get(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return Get(culture.Name);
    }

    /// <summary>Returns the text for <see cref="CultureInfo.CurrentUICulture"/>.</summary>
    public string Get() => Get(CultureInfo.CurrentUICulture);

    /// <inheritdoc />
    public override string ToString() => Nl;
}
