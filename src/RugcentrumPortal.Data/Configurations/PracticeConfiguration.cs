using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RugcentrumPortal.Data.Configurations;

public class PracticeConfiguration : IEntityTypeConfiguration<Practice>
{
    public void Configure(EntityTypeBuilder<Practice> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Address).HasMaxLength(200);
        builder.Property(p => p.PostalCode).HasMaxLength(10);
        builder.Property(p => p.City).HasMaxLength(100);
        builder.Property(p => p.Phone).HasMaxLength(40);
        builder.Property(p => p.Email).HasMaxLength(256);
        builder.HasIndex(p => p.Name).IsUnique();
    }
}
