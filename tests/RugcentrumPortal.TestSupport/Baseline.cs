using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.TestSupport;

/// <summary>
/// The invented people every test database starts with: two practices, so that every access rule can be
/// tried across the practice boundary.
/// </summary>
public static class Baseline
{
    public const string Password = "lange-test-zin-voor-iedereen";

    /// <summary>The authenticator key of every staff account here (staff sign in with a code; see <see cref="Totp"/>).</summary>
    public const string AuthenticatorKey = "TESTSTAFFTESTSTAFFTESTSTAFFTESTS";

    public static readonly Guid NoordId = Guid.Parse("11111111-0000-7000-8000-000000000001");
    public static readonly Guid ZuidId = Guid.Parse("22222222-0000-7000-8000-000000000002");

    public const string NoordAdmin = "beheer@noord.test";
    public const string NoordTherapist = "therapeut@noord.test";
    public const string NoordSecondTherapist = "collega@noord.test";
    public const string NoordPatient = "patient@noord.test";
    public const string ZuidTherapist = "therapeut@zuid.test";
    public const string ZuidPatient = "patient@zuid.test";

    /// <summary>Has a login (NoordPatient).</summary>
    public static readonly Guid NoordPatientId = Guid.Parse("11111111-0000-7000-8000-0000000000a1");
    /// <summary>No login.</summary>
    public static readonly Guid NoordOtherPatientId = Guid.Parse("11111111-0000-7000-8000-0000000000a2");
    /// <summary>Has a login (ZuidPatient).</summary>
    public static readonly Guid ZuidPatientId = Guid.Parse("22222222-0000-7000-8000-0000000000b1");

    internal static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        db.Practices.AddRange(
            new Practice { Id = NoordId, Name = "Praktijk Noord (test)", Address = "Proeflaan 7", PostalCode = "9999 ZZ", City = "Testdorp", Phone = "050-0000000", Email = "noord@praktijk.test" },
            new Practice { Id = ZuidId, Name = "Praktijk Zuid (test)", City = "Proefstad" });
        await db.SaveChangesAsync();

        var ids = new Dictionary<string, string>();
        foreach (var (email, name, practice, role) in new[]
        {
            (NoordAdmin, "Bea Beheer", NoordId, Roles.PracticeAdmin),
            (NoordTherapist, "Tom Therapeut", NoordId, Roles.Therapist),
            (NoordSecondTherapist, "Carla Collega", NoordId, Roles.Therapist),
            (NoordPatient, "Piet Proef", NoordId, Roles.Patient),
            (ZuidTherapist, "Zara Zuid", ZuidId, Roles.Therapist),
            (ZuidPatient, "Zeno Zuid", ZuidId, Roles.Patient),
        })
        {
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, PracticeId = practice };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, role));
            if (role is not Roles.Patient)
            {
                await ((IUserAuthenticatorKeyStore<ApplicationUser>)scope.ServiceProvider.GetRequiredService<IUserStore<ApplicationUser>>())
                    .SetAuthenticatorKeyAsync(user, AuthenticatorKey, CancellationToken.None);
                Check(await users.SetTwoFactorEnabledAsync(user, true));
            }
            ids[email] = user.Id;
        }

        var created = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        db.Patients.AddRange(
            new Patient
            {
                Id = NoordPatientId, PracticeId = NoordId, FirstName = "Piet", LastName = "Proef", DateOfBirth = new DateOnly(1961, 4, 12),
                Email = NoordPatient, TherapistId = ids[NoordTherapist], UserId = ids[NoordPatient], CreatedAt = created,
            },
            new Patient
            {
                Id = NoordOtherPatientId, PracticeId = NoordId, FirstName = "Els", LastName = "Voorbeeld", DateOfBirth = new DateOnly(1979, 10, 30),
                Email = "els@noord.test", TherapistId = ids[NoordSecondTherapist], CreatedAt = created,
            },
            new Patient
            {
                Id = ZuidPatientId, PracticeId = ZuidId, FirstName = "Zeno", LastName = "Zuid", DateOfBirth = new DateOnly(1990, 2, 2),
                Email = ZuidPatient, TherapistId = ids[ZuidTherapist], UserId = ids[ZuidPatient], CreatedAt = created,
            });
        await db.SaveChangesAsync();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
