using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace RugcentrumPortal.Data;

/// <summary>
/// Carries the portal's database product in the context's options, so a context needs nothing but its options: a
/// pool of contexts can only build them that way.
/// </summary>
public sealed class PortalProviderExtension(IPortalDatabaseProvider provider) : IDbContextOptionsExtension
{
    public IPortalDatabaseProvider Provider => provider;

    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    /// <summary>Adds the product to options that its own Configure is filling in.</summary>
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options, IPortalDatabaseProvider provider)
    {
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new PortalProviderExtension(provider));
        return options;
    }

    private sealed class ExtensionInfo(PortalProviderExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;
        public override string LogFragment => $"PortalProvider={extension.Provider.Name} ";
        public override int GetServiceProviderHashCode() => 0;
        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["PortalProvider"] = extension.Provider.Name;
    }
}
