using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Tests.Infrastructure;

/// <summary>Runs only where the tests run on PostgreSQL, the one provider whose migration carries the data change.</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (TestDatabase.Provider != "PostgreSQL")
        {
            Skip = "the stored precautions are mapped by the PostgreSQL migration only";
        }
    }
}

/// <summary>
/// The catalogue split the precaution severe-joint-or-disc-problem into three; the PostgreSQL migration maps stored
/// assessments so that no patient silently loses a precaution, and maps back when the migration is undone.
/// </summary>
public class PrecautionMigrationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Split = "severe-joint-or-disc-problem";

    [PostgreSqlFact]
    public async Task The_split_precaution_becomes_its_three_successors_and_other_precautions_stay()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        var therapistId = await db.Users.Where(u => u.Email == Baseline.NoordTherapist).Select(u => u.Id).SingleAsync();
        ClinicalAssessment Assessment(params string[] precautions) => new()
        {
            PatientId = Baseline.NoordPatientId, TherapistId = therapistId, CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow, PrecautionConditions = [.. precautions],
        };
        var split = Assessment("osteoporosis", "disc-herniation");
        var untouched = Assessment("pregnancy");
        db.Assessments.AddRange(split, untouched);
        await db.SaveChangesAsync();
        var migrations = db.Database.GetMigrations().ToList();
        var clearance = migrations.Single(m => m.EndsWith("_MedicalClearance", StringComparison.Ordinal));
        var migrator = db.GetService<IMigrator>();

        await migrator.MigrateAsync(migrations[migrations.IndexOf(clearance) - 1]);
        var undone = await PrecautionsAsync(split.Id);
        await migrator.MigrateAsync(migrations[^1]);

        Assert.Equal(["osteoporosis", Split], undone);
        Assert.Equal(["disc-herniation", "muscle-disease", "osteoporosis", "severe-arthrosis"], (await PrecautionsAsync(split.Id)).Order());
        Assert.Equal(["pregnancy"], await PrecautionsAsync(untouched.Id));
    }

    private async Task<string[]> PrecautionsAsync(Guid id)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "PrecautionConditions" FROM "Assessments" WHERE "Id" = @id""", connection);
        command.Parameters.AddWithValue("id", id);
        return (string[])(await command.ExecuteScalarAsync())!;
    }
}
