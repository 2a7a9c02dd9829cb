using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace RugcentrumPortal.Web.Data;

/// <summary>
/// Invented demo data: one practice, an administrator, two therapists and three patients. Every person here
/// is fictional. Running it again changes nothing.
/// </summary>
public sealed class DemoSeeder(AppDbContext db, UserManager<ApplicationUser> users, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    public const string PracticeName = "Rugcentrum De Linde (demo)";
    public const string Password = "demo-linde-voorjaar";

    public static readonly IReadOnlyList<(string Email, string Name, string Role)> Accounts =
    [
        ("beheer@demo.rugcentrum.example", "Beheerder Demo", Roles.PracticeAdmin),
        ("sanne.therapeut@demo.rugcentrum.example", "Sanne Verbeek (demo)", Roles.Therapist),
        ("joris.therapeut@demo.rugcentrum.example", "Joris Hendriks (demo)", Roles.Therapist),
        ("ria.patient@demo.rugcentrum.example", "Ria Jansen (demo)", Roles.Patient),
    ];

    public async Task SeedAsync()
    {
        if (await db.Practices.AnyAsync(p => p.Name == PracticeName))
        {
            return;
        }
        var practice = new Practice
        {
            Name = PracticeName, City = "Voorbeeldstad", Phone = "010-0000000", Email = "info@demo.rugcentrum.example",
        };
        db.Practices.Add(practice);
        await db.SaveChangesAsync();

        var created = new Dictionary<string, ApplicationUser>();
        foreach (var (email, name, role) in Accounts)
        {
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, PracticeId = practice.Id };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {email} could not be created: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }
            await users.AddToRoleAsync(user, role);
            created[email] = user;
        }

        var sanne = created["sanne.therapeut@demo.rugcentrum.example"];
        var joris = created["joris.therapeut@demo.rugcentrum.example"];
        var now = clock.GetUtcNow();
        db.Patients.AddRange(
            new Patient
            {
                PracticeId = practice.Id, FirstName = "Ria", LastName = "Jansen (demo)", DateOfBirth = new DateOnly(1956, 3, 14),
                Email = "ria.patient@demo.rugcentrum.example", Phone = "06-00000001", TherapistId = sanne.Id,
                UserId = created["ria.patient@demo.rugcentrum.example"].Id, CreatedAt = now,
            },
            new Patient
            {
                PracticeId = practice.Id, FirstName = "Kees", LastName = "de Boer (demo)", DateOfBirth = new DateOnly(1971, 9, 2),
                Email = "kees.deboer@demo.rugcentrum.example", TherapistId = sanne.Id, CreatedAt = now,
            },
            new Patient
            {
                PracticeId = practice.Id, FirstName = "Fatima", LastName = "El Amrani (demo)", DateOfBirth = new DateOnly(1988, 11, 23),
                Email = "fatima.elamrani@demo.rugcentrum.example", TherapistId = joris.Id, CreatedAt = now,
            });
        await db.SaveChangesAsync();
        logger.LogInformation("Demo practice {Practice} seeded", PracticeName);
    }
}
