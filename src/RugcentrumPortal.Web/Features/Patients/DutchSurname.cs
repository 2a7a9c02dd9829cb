using System.Linq.Expressions;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.Patients;

/// <summary>
/// A Dutch surname is written with its prefix in front ("de Boer", "van der Meer") but filed under its main part,
/// as every Dutch register does: "de Boer" sorts under B and is listed as "Boer, Anna de". The prefix is part of
/// the stored last name, so the split is made from a list of the usual prefixes, longest first.
/// </summary>
public static class DutchSurname
{
    private static readonly string[] Prefixes =
    [
        "van der", "van den", "van de", "van het", "van 't", "van ter", "van ten", "in 't", "in de", "in den", "in het",
        "op de", "op den", "op het", "op 't", "uit de", "uit den", "uit het", "aan de", "aan den", "aan het", "bij de",
        "onder de", "over de", "de la", "de", "den", "der", "het", "'t", "te", "ten", "ter", "van", "von",
    ];

    // Longest first, so "van der Meer" loses "van der" and not only "van".
    private static readonly string[] LongestFirst = Prefixes.OrderByDescending(p => p.Length).ToArray();

    /// <summary>The prefix as typed (empty when there is none) and the main part of a last name.</summary>
    public static (string Prefix, string Main) Split(string lastName)
    {
        var name = lastName.Trim();
        foreach (var prefix in LongestFirst)
        {
            if (name.Length > prefix.Length + 1 && name.StartsWith(prefix + " ", StringComparison.OrdinalIgnoreCase))
            {
                return (name[..prefix.Length], name[(prefix.Length + 1)..].TrimStart());
            }
        }
        return ("", name);
    }

    /// <summary>How the patient list writes a name: "Boer, Anna de", or "Jansen, Ria" without a prefix.</summary>
    public static string ListName(string firstName, string lastName)
    {
        var (prefix, main) = Split(lastName);
        return prefix.Length == 0 ? $"{main}, {firstName}" : $"{main}, {firstName} {prefix}";
    }

    /// <summary>
    /// The main part of the last name in lower case, as a query expression the database evaluates, so a long list
    /// is sorted and paged there. The same prefixes as <see cref="Split"/>, longest tested first.
    /// </summary>
    public static Expression<Func<Patient, string>> SortKey { get; } = BuildSortKey();

    private static Expression<Func<Patient, string>> BuildSortKey()
    {
        var patient = Expression.Parameter(typeof(Patient), "p");
        var lower = Expression.Call(Expression.Property(patient, nameof(Patient.LastName)), typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!);
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        var substring = typeof(string).GetMethod(nameof(string.Substring), [typeof(int)])!;
        Expression key = lower;
        foreach (var prefix in LongestFirst.Reverse())
        {
            var withSpace = prefix + " ";
            key = Expression.Condition(
                Expression.Call(lower, startsWith, Expression.Constant(withSpace)),
                Expression.Call(lower, substring, Expression.Constant(withSpace.Length)),
                key);
        }
        return Expression.Lambda<Func<Patient, string>>(key, patient);
    }
}
