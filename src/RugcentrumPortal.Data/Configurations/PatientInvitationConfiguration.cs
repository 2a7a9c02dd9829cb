using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RugcentrumPortal.Data.Configurations;

public class PatientInvitationConfiguration : IEntityTypeConfiguration<PatientInvitation>
{
    public void Configure(EntityTypeBuilder<PatientInvitation> builder)
    {
        builder.HasOne(i => i.Patient).WithMany().HasForeignKey(i => i.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.Property(i => i.ProtectedLetterCode).HasMaxLength(400);
        builder.HasIndex(i => i.TokenHash).IsUnique();
    }
}
