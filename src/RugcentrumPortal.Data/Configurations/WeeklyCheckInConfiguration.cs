using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage;

namespace RugcentrumPortal.Data.Configurations;

/// <summary>Applied by the context with the database product's SQL helper (see AppDbContext.OnModelCreating).</summary>
public class WeeklyCheckInConfiguration(ISqlGenerationHelper sql) : IEntityTypeConfiguration<WeeklyCheckIn>
{
    public void Configure(EntityTypeBuilder<WeeklyCheckIn> builder)
    {
        builder.HasOne(c => c.Patient).WithMany().HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Note).HasMaxLength(1000);
        builder.HasIndex(c => new { c.PatientId, c.WeekStart }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_WeeklyCheckIns_Nprs", $"{sql.DelimitIdentifier(nameof(WeeklyCheckIn.Nprs))} BETWEEN 0 AND 10"));
    }
}
