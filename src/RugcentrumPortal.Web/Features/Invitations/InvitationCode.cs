using System.Security.Cryptography;

namespace RugcentrumPortal.Web.Features.Invitations;

/// <summary>
/// The short code on a printed letter, for a patient who types rather than scans: ten characters in two groups of
/// five ("KCM4R-TX7PH"), from an alphabet without the characters people confuse on paper (0/O/Q, 1/I/L, 2/Z, 5/S,
/// 8/B, U/V). Twenty-two characters to the tenth power is about 2.7e13 codes; a code works once and for a week.
/// </summary>
public static class InvitationCode
{
    public const string Alphabet = "ACDEFGHJKMNPRTWXY34679";
    public const int Length = 10;

    public static string New()
    {
        var chars = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return Display(new string(chars));
    }

    /// <summary>The code as printed: two groups of five with a dash.</summary>
    public static string Display(string canonical) => canonical[..5] + "-" + canonical[5..];

    /// <summary>
    /// The code as typed, in its one stored form: spaces and dashes dropped, upper case. Null when what was typed
    /// cannot be a code (then it may still be the long secret from an e-mailed link).
    /// </summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null)
        {
            return null;
        }
        var kept = new string(typed.Where(c => c is not (' ' or '-' or '\u00A0')).Select(char.ToUpperInvariant).ToArray());
        return kept.Length == Length && kept.All(Alphabet.Contains) ? kept : null;
    }
}
