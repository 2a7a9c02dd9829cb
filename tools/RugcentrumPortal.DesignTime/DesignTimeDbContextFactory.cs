using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using RugcentrumPortal.Data.PostgreSQL;
using RugcentrumPortal.Data.Sqlite;
using RugcentrumPortal.Data.SqlServer;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.DesignTime;

/// <summary>
/// Lets the EF tools build the model for one provider without starting the web app; no database is contacted.
/// The provider is the argument after `--` (scripts/add-migration.sh passes it).
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        IPortalDatabaseProvider provider = args.FirstOrDefault() switch
        {
            PostgreSqlProvider.ProviderName => new PostgreSqlProvider(),
            SqliteProvider.ProviderName => new SqliteProvider(),
            SqlServerProvider.ProviderName => new SqlServerProvider(),
            var other => throw new ArgumentException($"Name the provider after --: PostgreSQL, Sqlite or SqlServer (got '{other}')."),
        };
        var options = new DbContextOptionsBuilder<AppDbContext>();
        provider.Configure(options, provider.Name switch
        {
            PostgreSqlProvider.ProviderName => "Host=localhost;Database=design_time_only",
            SqliteProvider.ProviderName => "Data Source=design-time-only.db",
            _ => "Server=localhost;Database=design_time_only;TrustServerCertificate=true",
        });
        return new AppDbContext(options.Options);
    }
}
