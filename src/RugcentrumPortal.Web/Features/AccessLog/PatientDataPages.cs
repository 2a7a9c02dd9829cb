using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace RugcentrumPortal.Web.Features.AccessLog;

/// <summary>
/// Which pages show a patient's data, read from their addresses: everything under one patient
/// (<c>/patienten/{id}/...</c>) and everything of the patient's own portal (<c>/mijn...</c>). A new page at such an
/// address is logged without anyone remembering to.
/// </summary>
public static class PatientDataPages
{
    private const string OnePatient = "/patienten/{";
    private const string OwnPortal = "/mijn";

    public static bool IsPatientDataTemplate(string template) =>
        template.StartsWith(OnePatient, StringComparison.OrdinalIgnoreCase)
        || template.Equals(OwnPortal, StringComparison.OrdinalIgnoreCase)
        || template.StartsWith(OwnPortal + "/", StringComparison.OrdinalIgnoreCase);

    // Asked on every page load; a page's routes never change, so they are read from its attributes once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, bool> Known = new();

    public static bool ShowsPatientData(Type page) =>
        Known.GetOrAdd(page, type => type.GetCustomAttributes<RouteAttribute>().Any(r => IsPatientDataTemplate(r.Template)));

    /// <summary>The patient a staff page is about: the first id in its address, named PatientId or, on the patient's own pages, Id.</summary>
    public static Guid? PatientInRoute(IReadOnlyDictionary<string, object?> routeValues) =>
        routeValues.TryGetValue("PatientId", out var patient) && patient is Guid patientId ? patientId
        : routeValues.TryGetValue("Id", out var id) && id is Guid recordId ? recordId
        : null;
}
