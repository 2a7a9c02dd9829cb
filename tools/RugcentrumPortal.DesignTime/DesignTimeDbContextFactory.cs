using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using RugcentrumPortal.Web.Data;

namespace RugcentrumPortal.DesignTime;

/// <summary>Lets the EF tools build the model without starting the web app; no database is contacted.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql("Host=localhost;Database=design_time_only")
            .Options);
}
