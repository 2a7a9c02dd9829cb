using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RugcentrumPortal.Web.Data.Configurations;

public class WeeklyCheckInConfiguration : IEntityTypeConfiguration<WeeklyCheckIn>
{
    public void Configure(EntityTypeBuilder<WeeklyCheckIn> builder)
    {
        builder.HasOne(c => c.Patient).WithMany().HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Note).HasMaxLength(1000);
        builder.HasIndex(c => new { c.PatientId, c.WeekStart }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_WeeklyCheckIns_Nprs", "\"Nprs\" BETWEEN 0 AND 10"));
    }
}
