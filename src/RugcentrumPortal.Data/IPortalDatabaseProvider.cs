using Microsoft.EntityFrameworkCore;

namespace RugcentrumPortal.Data;

/// <summary>
/// Everything the portal needs to know about one database product. Features never see it: they write
/// provider-neutral LINQ and ask the context whether a save hit a unique index.
/// </summary>
public interface IPortalDatabaseProvider
{
    /// <summary>The value of <c>Database:Provider</c> that selects this provider.</summary>
    string Name { get; }

    /// <summary>Completes the configured connection string once at start-up (defaults, folders the database needs).</summary>
    string PrepareConnectionString(string connectionString);

    /// <summary>Points the context at the database and at this provider's migrations assembly.</summary>
    void Configure(DbContextOptionsBuilder options, string connectionString);

    /// <summary>Type mappings the product needs beyond EF Core's defaults.</summary>
    void ConfigureConventions(ModelConfigurationBuilder conventions);

    /// <summary>Whether the database refused a row because a unique index already holds its key.</summary>
    bool IsUniqueViolation(DbUpdateException exception);
}
