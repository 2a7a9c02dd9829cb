using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RugcentrumPortal.Data.Configurations;

/// <summary>The three roles are part of the schema, so every database has them from its first migration.</summary>
public class IdentityRoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder) =>
        builder.HasData(Roles.Ids.Select(role => new IdentityRole
        {
            Id = role.Value, Name = role.Key, NormalizedName = role.Key.ToUpperInvariant(), ConcurrencyStamp = role.Value,
        }));
}
