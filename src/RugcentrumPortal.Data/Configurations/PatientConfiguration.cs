using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RugcentrumPortal.Data.Configurations;

public class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> builder)
    {
        builder.Property(p => p.FirstName).HasMaxLength(100);
        builder.Property(p => p.LastName).HasMaxLength(100);
        builder.Property(p => p.Email).HasMaxLength(256);
        builder.Property(p => p.Phone).HasMaxLength(40);
        builder.Ignore(p => p.FullName);

        builder.HasOne(p => p.Practice).WithMany().HasForeignKey(p => p.PracticeId).OnDelete(DeleteBehavior.Restrict);
        // Accounts are blocked, not deleted; two cascading links from accounts to patients are more than SQL Server allows.
        builder.HasOne(p => p.Therapist).WithMany().HasForeignKey(p => p.TherapistId).OnDelete(DeleteBehavior.ClientSetNull);
        builder.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.ClientSetNull);

        builder.HasIndex(p => p.UserId).IsUnique();
        builder.HasIndex(p => new { p.PracticeId, p.LastName, p.FirstName });
    }
}
