using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RugcentrumPortal.Data.Configurations;

public class ErasureRequestConfiguration : IEntityTypeConfiguration<ErasureRequest>
{
    public void Configure(EntityTypeBuilder<ErasureRequest> builder)
    {
        builder.HasOne(r => r.Patient).WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.HandledById).HasMaxLength(450);
        builder.Property(r => r.Outcome).HasMaxLength(ErasureRequest.OutcomeMaxLength);
        builder.HasIndex(r => new { r.PatientId, r.HandledAt });
    }
}
