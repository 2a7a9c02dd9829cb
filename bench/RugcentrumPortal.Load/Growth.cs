using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Clinical.Patterns;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Load;

/// <summary>
/// More practices of the same size around the bench practice, for the growth table: each fictional practice has
/// one therapist and 1,000 patients, each patient an active ten-exercise plan, a completed assessment and 28 days of
/// logs (the alerts' window). The bench practice itself is left as it is, so its therapist's pages can be timed
/// with 1,000 patients in the database and again with 100,000.
/// </summary>
public static class Growth
{
    public const int LogDays = 28;

    public static string TherapistEmail(int practice) => $"therapeut{practice}@groei.bench.example";

    private static Guid PracticeId(int practice) => Guid.Parse($"bbbbbbbb-0000-7000-8000-{practice:D12}");

    /// <summary>Adds practices until the database holds <paramref name="patients"/> patients in all; running it again adds nothing.</summary>
    public static async Task GrowAsync(string provider, string connectionString, int patients)
    {
        await using var count = BenchData.Open(provider, connectionString);
        var present = await count.Patients.CountAsync();
        var practices = (patients - present) / BenchData.Patients;
        var first = await count.Practices.CountAsync() + 1;
        Console.WriteLine($"{present} patients present; adding {Math.Max(0, practices)} practices of {BenchData.Patients}");
        var hash = new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser { DisplayName = "" }, BenchData.Password);
        for (var practice = first; practice < first + practices; practice++)
        {
            await using var db = BenchData.Open(provider, connectionString);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await AddPracticeAsync(db, practice, hash);
            if (practice % 10 == 0)
            {
                Console.WriteLine($"  practice {practice} added");
            }
        }
        await using var analyze = BenchData.Open(provider, connectionString);
        await analyze.Database.ExecuteSqlRawAsync("ANALYZE");
        Console.WriteLine($"{await analyze.Patients.CountAsync()} patients in the database");
    }

    private static async Task AddPracticeAsync(AppDbContext db, int number, string hash)
    {
        var now = DateTimeOffset.UtcNow;
        var today = BenchData.Today;
        var practiceId = PracticeId(number);
        db.Practices.Add(new Practice { Id = practiceId, Name = $"Groeipraktijk {number} (fictief)", City = "Teststad" });
        var email = TherapistEmail(number);
        var therapist = new ApplicationUser
        {
            Id = $"groei-therapist-{number}", UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
            NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true, DisplayName = $"Groei Therapeut {number}", PracticeId = practiceId,
        };
        db.Users.Add(therapist);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = therapist.Id, RoleId = Roles.Ids[Roles.Therapist] });
        var logs = new List<SessionLog>();
        for (var n = 1; n <= BenchData.Patients; n++)
        {
            var patient = new Patient
            {
                PracticeId = practiceId, FirstName = "Groei", LastName = $"Patiënt {number}-{n}", DateOfBirth = new DateOnly(1950, 1, 1).AddDays(n * 7),
                Email = $"patient{number}-{n}@groei.bench.example", TherapistId = therapist.Id, CreatedAt = now,
            };
            db.Patients.Add(patient);
            db.Assessments.Add(new ClinicalAssessment
            {
                PatientId = patient.Id, TherapistId = therapist.Id, Kind = AssessmentKind.Intake, Status = AssessmentStatus.Completed,
                CreatedAt = now.AddDays(-LogDays - 1), UpdatedAt = now.AddDays(-LogDays - 1), CompletedAt = now.AddDays(-LogDays - 1),
                ReassessmentDue = today.AddDays(n % 60),
            });
            var plan = new RecoveryPlan
            {
                PracticeId = practiceId, PatientId = patient.Id, LineageId = Guid.CreateVersion7(), Status = PlanStatus.Active,
                Title = "Herstelplan nek en schouders", CreatedById = therapist.Id, CreatedAt = now, UpdatedAt = now,
                ActivatedAt = now, ActivatedById = therapist.Id, StartsOn = today.AddDays(-LogDays),
                Exercises = BenchData.ExerciseIds.Select((id, order) => new PlanExercise
                {
                    Order = order, Phase = RecoveryPhase.Activation, ExerciseId = id,
                    Dosage = new() { Sets = 2, Repetitions = 10, HoldSeconds = 5, TimesPerDay = 1 },
                }).ToList(),
            };
            db.Plans.Add(plan);
            for (var day = 1; day <= LogDays; day++)
            {
                var exercise = plan.Exercises[day % plan.Exercises.Count];
                logs.Add(new SessionLog
                {
                    PatientId = patient.Id, PlanId = plan.Id, PlanExerciseId = exercise.Id, ExerciseId = exercise.ExerciseId,
                    Day = today.AddDays(-day), Outcome = SessionOutcome.Done, Pain = day % 8, Tension = day % 6, Difficulty = 2,
                    SubmissionId = Guid.NewGuid(), CreatedAt = now.AddDays(-day),
                });
            }
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        foreach (var chunk in logs.Chunk(5000))
        {
            db.SessionLogs.AddRange(chunk);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }
}
