using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RugcentrumPortal.Data.Configurations;

public class FeedbackReceiptConfiguration : IEntityTypeConfiguration<FeedbackReceipt>
{
    public void Configure(EntityTypeBuilder<FeedbackReceipt> builder)
    {
        builder.HasOne(r => r.Patient).WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.SourceKey).HasMaxLength(64);
        builder.Property(r => r.ReadByUserId).HasMaxLength(450);
        // Marking a signal read twice (two therapists, a double click) keeps the first receipt.
        builder.HasIndex(r => new { r.PatientId, r.Kind, r.SourceKey }).IsUnique();
    }
}
