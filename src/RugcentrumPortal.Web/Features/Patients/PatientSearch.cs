using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Web.Data;

namespace RugcentrumPortal.Web.Features.Patients;

public static class PatientSearch
{
    public const int PageSize = 20;

    /// <summary>Every word typed must occur in the first or last name, case-insensitive ("ria jan" finds Ria Jansen).</summary>
    public static IQueryable<Patient> MatchingName(this IQueryable<Patient> patients, string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return patients;
        }
        foreach (var term in query.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(5))
        {
            var pattern = "%" + EscapeLike(term) + "%";
            patients = patients.Where(p => EF.Functions.ILike(p.FirstName, pattern, "\\") || EF.Functions.ILike(p.LastName, pattern, "\\"));
        }
        return patients;
    }

    private static string EscapeLike(string term) =>
        term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
