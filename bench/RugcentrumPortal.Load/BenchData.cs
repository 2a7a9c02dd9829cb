using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Clinical.Patterns;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Data;

namespace RugcentrumPortal.Load;

/// <summary>
/// A fictional practice for load runs: one therapist, 1,000 patients with logins and an active ten-exercise plan
/// each, and 200 days of session logs per patient (200,000 rows). Written through the portal's own context, so the
/// same data lands on every database provider; running it again changes nothing.
/// </summary>
public static class BenchData
{
    public const string Password = "bench-wachtwoord-voor-iedereen";
    public const string TherapistEmail = "therapeut@bench.example";

    /// <summary>The bench therapist's authenticator key: staff sign in with a code (fictional, bench only).</summary>
    public const string TherapistAuthenticatorKey = "BENCHBENCHBENCHBENCHBENCHBENCHBE";
    public const int Patients = 1000;
    public const int LogDays = 200;
    public static readonly Guid PracticeId = Guid.Parse("bbbbbbbb-0000-7000-8000-000000000001");

    public static string PatientEmail(int number) => $"patient{number}@bench.example";

    /// <summary>
    /// A loopback address of its own for simulated browser <paramref name="index"/> (127.0.x.y), so the portal's limit
    /// on sign-ins per address and a proxy's address affinity see many phones, not one machine.
    /// </summary>
    public static System.Net.IPAddress LoopbackAddress(int index) => System.Net.IPAddress.Parse($"127.0.{1 + index / 250}.{1 + index % 250}");

    public static IReadOnlyList<string> ExerciseIds => Exercises;

    private static readonly string[] Exercises =
    [
        "chin-tuck", "scapular-setting", "wall-slide", "pectoral-stretch", "upper-trapezius-stretch",
        "thoracic-rotation", "bridge", "dead-bug", "breathing-4-6", "progressive-muscle-relaxation-short",
    ];

    private static readonly TimeZoneInfo Practice = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Practice).DateTime);

    /// <summary>Removes what earlier runs logged today, so every scenario starts from the seeded 200,000 logs.</summary>
    public static async Task ResetAsync(string provider, string connectionString)
    {
        await using var db = Open(provider, connectionString);
        var today = Today;
        var removed = await db.SessionLogs.Where(l => l.Patient!.PracticeId == PracticeId && l.Day >= today).ExecuteDeleteAsync();
        Console.WriteLine($"removed {removed} logs of today from earlier runs");
    }

    public static async Task SeedAsync(string provider, string connectionString)
    {
        await using var db = Open(provider, connectionString);
        // A migration that builds an index over the growth database's three million logs takes longer than a query may.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.Database.MigrateAsync();
        if (await db.Practices.AnyAsync(p => p.Id == PracticeId))
        {
            await GiveTherapistTheAuthenticatorAsync(db);
            Console.WriteLine("bench data already present");
            return;
        }
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = DateTimeOffset.UtcNow;
        var today = Today;
        var hash = new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser { DisplayName = "" }, Password);

        db.Practices.Add(new Practice { Id = PracticeId, Name = "Benchpraktijk (fictief)", City = "Teststad" });
        var therapist = Account("bench-therapist", TherapistEmail, "Bench Therapeut", hash);
        therapist.TwoFactorEnabled = true;
        db.Users.Add(therapist);
        db.UserTokens.Add(new IdentityUserToken<string> { UserId = therapist.Id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = TherapistAuthenticatorKey });
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = therapist.Id, RoleId = Roles.Ids[Roles.Therapist] });
        await db.SaveChangesAsync();

        var plans = new List<RecoveryPlan>();
        for (var number = 1; number <= Patients; number++)
        {
            var account = Account($"bench-user-{number}", PatientEmail(number), $"Bench Patiënt {number}", hash);
            db.Users.Add(account);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = account.Id, RoleId = Roles.Ids[Roles.Patient] });
            var patient = new Patient
            {
                PracticeId = PracticeId, FirstName = "Bench", LastName = $"Patiënt {number}", DateOfBirth = new DateOnly(1950, 1, 1).AddDays(number * 7),
                Email = account.Email!, TherapistId = therapist.Id, UserId = account.Id, CreatedAt = now,
            };
            db.Patients.Add(patient);
            var plan = new RecoveryPlan
            {
                PracticeId = PracticeId, PatientId = patient.Id, LineageId = Guid.CreateVersion7(), Status = PlanStatus.Active,
                Title = "Herstelplan nek en schouders", CreatedById = therapist.Id, CreatedAt = now, UpdatedAt = now,
                ActivatedAt = now, ActivatedById = therapist.Id, StartsOn = today.AddDays(-LogDays),
                Exercises = Exercises.Select((id, order) => new PlanExercise
                {
                    Order = order, Phase = RecoveryPhase.Activation, ExerciseId = id,
                    Dosage = new() { Sets = 2, Repetitions = 10, HoldSeconds = 5, TimesPerDay = 1 },
                }).ToList(),
            };
            db.Plans.Add(plan);
            plans.Add(plan);
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        foreach (var batch in plans.Chunk(50))
        {
            foreach (var plan in batch)
            {
                for (var day = 1; day <= LogDays; day++)
                {
                    var exercise = plan.Exercises[day % Exercises.Length];
                    db.SessionLogs.Add(new SessionLog
                    {
                        PatientId = plan.PatientId!.Value, PlanId = plan.Id, PlanExerciseId = exercise.Id, ExerciseId = exercise.ExerciseId,
                        Day = today.AddDays(-day), Outcome = SessionOutcome.Done, Pain = day % 8, Tension = day % 6, Difficulty = 2,
                        SubmissionId = Guid.NewGuid(), CreatedAt = now.AddDays(-day),
                    });
                }
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        Console.WriteLine($"seeded {Patients} patients and {Patients * LogDays} session logs");
    }

    /// <summary>Bench data seeded before staff signed in with a code gets the therapist's fixed authenticator key.</summary>
    private static async Task GiveTherapistTheAuthenticatorAsync(AppDbContext db)
    {
        var therapist = await db.Users.SingleAsync(u => u.Email == TherapistEmail);
        if (!therapist.TwoFactorEnabled)
        {
            therapist.TwoFactorEnabled = true;
            db.UserTokens.Add(new IdentityUserToken<string> { UserId = therapist.Id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = TherapistAuthenticatorKey });
            await db.SaveChangesAsync();
        }
    }

    private static ApplicationUser Account(string id, string email, string name, string hash) => new()
    {
        Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = true, PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString("N"),
        LockoutEnabled = true, DisplayName = name, PracticeId = PracticeId,
    };

    public static AppDbContext Open(string providerName, string connectionString)
    {
        var provider = DataSetup.ProviderNamed(providerName);
        var options = new DbContextOptionsBuilder<AppDbContext>();
        provider.Configure(options, provider.PrepareConnectionString(connectionString));
        return new AppDbContext(options.Options).AcrossPractices("seeding and resetting the fictional bench practice");
    }
}
