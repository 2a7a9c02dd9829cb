using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Data.SqlServer;

/// <summary>SQL Server: for an organisation whose IT department runs it (the design card's database).</summary>
public sealed class SqlServerProvider : IPortalDatabaseProvider
{
    public const string ProviderName = "SqlServer";

    private const int DuplicateKeyInUniqueIndex = 2601;
    private const int UniqueConstraintViolation = 2627;

    public string Name => ProviderName;

    public string PrepareConnectionString(string connectionString) => connectionString;

    public void Configure(DbContextOptionsBuilder options, string connectionString) =>
        PortalProviderExtension.Use(options, this).UseSqlServer(connectionString,
            sqlServer => sqlServer
                .MigrationsAssembly(typeof(SqlServerProvider).Assembly.GetName().Name)
                .ExecutionStrategy(dependencies => new SqlServerRetries(dependencies)));

    public void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
    }

    public bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqlException { Number: DuplicateKeyInUniqueIndex or UniqueConstraintViolation };
}
