using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.TestSupport;

/// <summary>Patients of their own, so one test's assessments, plans or measurements never meet another's.</summary>
public static class TestPatients
{
    /// <summary>A patient without a therapist or login; the date of birth matters wherever age does (screening, suggestions).</summary>
    public static async Task<Guid> NewAsync(PortalFactory portal, Guid practiceId, string firstName = "Test", string lastName = "Patiënt",
        DateOnly? born = null)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        var patient = new Patient
        {
            PracticeId = practiceId,
            FirstName = firstName,
            LastName = lastName,
            DateOfBirth = born ?? new DateOnly(1970, 5, 1),
            Email = $"patient-{Guid.NewGuid():N}@voorbeeld.test",
            CreatedAt = portal.PracticeClock().Now,
        };
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        return patient.Id;
    }
}
