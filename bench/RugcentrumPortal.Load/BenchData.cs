using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace RugcentrumPortal.Load;

/// <summary>
/// A fictional practice for load runs: one therapist, 1,000 patients with logins and an active ten-exercise plan
/// each, and 200 days of session logs per patient (200,000 rows). Inserted with set-based SQL in a few seconds;
/// running it again changes nothing.
/// </summary>
public static class BenchData
{
    public const string Password = "bench-wachtwoord-voor-iedereen";
    public const string TherapistEmail = "therapeut@bench.example";
    public const int Patients = 1000;
    public const int LogDays = 200;
    public static readonly Guid PracticeId = Guid.Parse("bbbbbbbb-0000-7000-8000-000000000001");

    public static string PatientEmail(int number) => $"patient{number}@bench.example";

    private static readonly string[] Exercises =
    [
        "chin-tuck", "scapular-setting", "wall-slide", "pectoral-stretch", "upper-trapezius-stretch",
        "thoracic-rotation", "bridge", "dead-bug", "breathing-4-6", "progressive-muscle-relaxation-short",
    ];

    /// <summary>Removes what earlier runs logged today, so every scenario starts from the seeded 200,000 logs.</summary>
    public static async Task ResetAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """DELETE FROM "SessionLogs" l USING "Patients" p WHERE l."PatientId" = p."Id" AND p."PracticeId" = @practice AND l."Day" >= current_date""",
            connection);
        command.Parameters.AddWithValue("practice", PracticeId);
        Console.WriteLine($"removed {await command.ExecuteNonQueryAsync()} logs of today from earlier runs");
    }

    public static async Task SeedAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var exists = new NpgsqlCommand("""SELECT count(*) FROM "Practices" WHERE "Id" = @id""", connection))
        {
            exists.Parameters.AddWithValue("id", PracticeId);
            if ((long)(await exists.ExecuteScalarAsync())! > 0)
            {
                Console.WriteLine("bench data already present");
                return;
            }
        }
        var hash = new PasswordHasher<object>().HashPassword(new object(), Password);
        var values = string.Join(",", Exercises.Select((id, i) => $"({i},'{id}')"));
        var sql = $"""
            INSERT INTO "Practices"("Id","Name","City") VALUES (@practice,'Benchpraktijk (fictief)','Teststad');
            INSERT INTO "AspNetUsers"("Id","UserName","NormalizedUserName","Email","NormalizedEmail","EmailConfirmed","PasswordHash","SecurityStamp","ConcurrencyStamp","PhoneNumberConfirmed","TwoFactorEnabled","LockoutEnabled","AccessFailedCount","DisplayName","PracticeId")
            SELECT id, email, upper(email), email, upper(email), true, @hash, md5(id), md5(email), false, false, true, 0, name, @practice
            FROM (SELECT 'bench-therapist' AS id, '{TherapistEmail}' AS email, 'Bench Therapeut' AS name
                  UNION ALL SELECT 'bench-user-' || g, 'patient' || g || '@bench.example', 'Bench Patiënt ' || g FROM generate_series(1, {Patients}) g) u;
            INSERT INTO "AspNetUserRoles"("UserId","RoleId") VALUES ('bench-therapist','0b7c9a52-3f4e-4c8e-9b1a-6f2d5e8a1c02');
            INSERT INTO "AspNetUserRoles"("UserId","RoleId") SELECT 'bench-user-' || g, '0b7c9a52-3f4e-4c8e-9b1a-6f2d5e8a1c03' FROM generate_series(1, {Patients}) g;
            INSERT INTO "Patients"("Id","PracticeId","FirstName","LastName","DateOfBirth","Email","TherapistId","UserId","CreatedAt")
            SELECT gen_random_uuid(), @practice, 'Bench', 'Patiënt ' || g, date '1950-01-01' + g * 7, 'patient' || g || '@bench.example', 'bench-therapist', 'bench-user-' || g, now()
            FROM generate_series(1, {Patients}) g;
            INSERT INTO "Plans"("Id","PracticeId","PatientId","LineageId","Version","Status","Title","CreatedById","CreatedAt","UpdatedAt","ActivatedAt","ActivatedById","StartsOn")
            SELECT gen_random_uuid(), @practice, p."Id", gen_random_uuid(), 1, 'Active', 'Herstelplan nek en schouders', 'bench-therapist', now(), now(), now(), 'bench-therapist', current_date - {LogDays}
            FROM "Patients" p WHERE p."PracticeId" = @practice;
            INSERT INTO "PlanExercises"("Id","PlanId","Order","Phase","ExerciseId","Sets","Repetitions","HoldSeconds","TimesPerDay")
            SELECT gen_random_uuid(), pl."Id", x.ord, 'Activation', x.id, 2, 10, 5, 1
            FROM "Plans" pl CROSS JOIN (VALUES {values}) AS x(ord, id) WHERE pl."PracticeId" = @practice;
            INSERT INTO "SessionLogs"("Id","PatientId","PlanId","PlanExerciseId","ExerciseId","Day","Outcome","Pain","Tension","Difficulty","SubmissionId","CreatedAt")
            SELECT gen_random_uuid(), pl."PatientId", pl."Id", pe."Id", pe."ExerciseId", current_date - d, 'Done', d % 8, d % 6, 2, gen_random_uuid(), now() - d * interval '1 day'
            FROM "Plans" pl CROSS JOIN generate_series(1, {LogDays}) d
            JOIN "PlanExercises" pe ON pe."PlanId" = pl."Id" AND pe."Order" = d % {Exercises.Length}
            WHERE pl."PracticeId" = @practice;
            ANALYZE;
            """;
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        command.Parameters.AddWithValue("practice", PracticeId);
        command.Parameters.AddWithValue("hash", hash);
        await command.ExecuteNonQueryAsync();
        Console.WriteLine($"seeded {Patients} patients and {Patients * LogDays} session logs");
    }
}
