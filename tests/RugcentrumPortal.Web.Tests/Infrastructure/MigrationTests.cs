using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Data;

namespace RugcentrumPortal.Web.Tests.Infrastructure;

/// <summary>
/// Every database product gets the same schema: for each provider the migrations describe exactly today's model,
/// and a script an administrator can run (again and again) generates. No server is contacted.
/// </summary>
public class MigrationTests
{
    public static TheoryData<string, string> Providers => new()
    {
        { "PostgreSQL", "Host=localhost;Database=never_contacted" },
        { "Sqlite", "Data Source=never-contacted.db" },
        { "SqlServer", "Server=localhost;Database=never_contacted;TrustServerCertificate=true" },
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_migrations_of_every_provider_match_the_model(string providerName, string connectionString)
    {
        using var db = ContextFor(providerName, connectionString);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"{providerName}: the model has changes no migration describes; run scripts/add-migration.sh.");
    }

    public static TheoryData<string, string> ServerProviders => new()
    {
        { "PostgreSQL", "Host=localhost;Database=never_contacted" },
        { "SqlServer", "Server=localhost;Database=never_contacted;TrustServerCertificate=true" },
    };

    [Theory]
    [MemberData(nameof(ServerProviders))]
    public void Every_server_provider_generates_an_idempotent_migration_script_up_to_the_latest_migration(string providerName, string connectionString)
    {
        using var db = ContextFor(providerName, connectionString);
        var migrator = db.GetService<IMigrator>();

        var script = migrator.GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains(db.Database.GetMigrations().Last(), script);
        Assert.Contains("Patients", script);
    }

    private static AppDbContext ContextFor(string providerName, string connectionString)
    {
        var provider = DataSetup.ProviderNamed(providerName);
        var options = new DbContextOptionsBuilder<AppDbContext>();
        provider.Configure(options, connectionString);
        return new AppDbContext(options.Options);
    }

    /// <summary>
    /// EF Core writes no idempotent scripts for SQLite; an embedded database is migrated by the portal itself at
    /// start-up, so what must hold is that migrating an up-to-date file again changes nothing.
    /// </summary>
    [Fact]
    public async Task A_sqlite_file_migrates_from_empty_and_a_second_migration_changes_nothing()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rc-migrate-{Guid.NewGuid():N}.db");
        try
        {
            using (var db = ContextFor("Sqlite", $"Data Source={file};Pooling=false"))
            {
                Assert.Contains("CREATE TABLE", db.GetService<IMigrator>().GenerateScript());
                await db.Database.MigrateAsync();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            }
            var before = await File.ReadAllBytesAsync(file);
            using (var db = ContextFor("Sqlite", $"Data Source={file};Pooling=false"))
            {
                await db.Database.MigrateAsync();
                Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            }
            Assert.Equal(before.Length, new FileInfo(file).Length);
        }
        finally
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }
}
