using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RugcentrumPortal.Data.Configurations;

public class AccountAttemptConfiguration : IEntityTypeConfiguration<AccountAttempt>
{
    public void Configure(EntityTypeBuilder<AccountAttempt> builder)
    {
        builder.ToTable("AccountAttempts");
        builder.HasKey(a => a.Key);
        builder.Property(a => a.Key).HasMaxLength(400);
        builder.HasIndex(a => a.LastAt);
    }
}
