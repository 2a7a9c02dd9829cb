using RugcentrumPortal.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RugcentrumPortal.Data.PostgreSQL;
using RugcentrumPortal.Data.Sqlite;
using RugcentrumPortal.Data.SqlServer;
using RugcentrumPortal.Web.Infrastructure.Access;

namespace RugcentrumPortal.Web.Data;

public static class DataSetup
{
    /// <summary>
    /// The database product comes from <c>Database:Provider</c>: Sqlite (one practice on one machine), PostgreSQL
    /// (a group of practices) or SqlServer (an organisation that runs it); the connection from <c>ConnectionStrings:Portal</c>.
    /// </summary>
    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = ProviderNamed(configuration["Database:Provider"]);
        var connectionString = provider.PrepareConnectionString(configuration.GetConnectionString("Portal")
            ?? throw new InvalidOperationException("ConnectionStrings:Portal is not configured."));
        services.AddSingleton(provider);
        services.AddSingleton<DatabaseFailureLog>();
        // One context per operation, from a factory: right for a static request and for a long-lived circuit alike.
        // The contexts come from a pool: a page opens several, and building each from scratch (its internal services,
        // its query translators) cost more than its queries (bench/README.md). The options, and with them the
        // interceptors, are built once; the features register theirs as singletons that find the request's services
        // through the context (AppDbContext.Services).
        services.AddSingleton(sp =>
        {
            var options = new DbContextOptionsBuilder<AppDbContext>().UseApplicationServiceProvider(sp);
            provider.Configure(options, connectionString);
            options.AddInterceptors(AppDbContext.AccessLogGuard);
            options.AddInterceptors(sp.GetServices<IInterceptor>());
            options.AddInterceptors(sp.GetRequiredService<DatabaseFailureLog>());
            // DatabaseFailureLog writes these, telling an expected duplicate from a fault and a retried failure from a final one.
            options.ConfigureWarnings(w => w.Ignore(CoreEventId.SaveChangesFailed, RelationalEventId.CommandError, RelationalEventId.ConnectionError));
            return options.Options;
        });
        services.AddSingleton<DbContextOptions>(sp => sp.GetRequiredService<DbContextOptions<AppDbContext>>());
        services.AddSingleton<PortalContextPool>();
        services.AddScoped<IDbContextFactory<AppDbContext>, PortalContextFactory>();
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        services.AddScoped<IAccessScopeSource>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<DemoSeeder>();

        // Keys for cookies and forms live in the database, so every instance shares them and a restart signs nobody out.
        var dataProtection = services.AddDataProtection().SetApplicationName("RugcentrumPortal").PersistKeysToDbContext<AppDbContext>();
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            dataProtection.ProtectKeysWithCertificate(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                certificatePath, configuration["DataProtection:CertificatePassword"]));
        }
        return services;
    }

    public static IPortalDatabaseProvider ProviderNamed(string? name) => name switch
    {
        null or "" or SqliteProvider.ProviderName => new SqliteProvider(),
        PostgreSqlProvider.ProviderName => new PostgreSqlProvider(),
        SqlServerProvider.ProviderName => new SqlServerProvider(),
        _ => throw new InvalidOperationException(
            $"Database:Provider '{name}' is not known; use {SqliteProvider.ProviderName}, {PostgreSqlProvider.ProviderName} or {SqlServerProvider.ProviderName}."),
    };

    /// <summary>Applies migrations and seeds demo data when configuration asks for it (the run script does).</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        var migrate = app.Configuration.GetValue<bool>("Database:MigrateOnStartup");
        var seedDemo = app.Configuration.GetValue<bool>("Demo:Seed");
        if (!migrate && !seedDemo)
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        if (migrate)
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
        }
        if (seedDemo)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }
    }
}
