using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RugcentrumPortal.Data.Configurations;

public class OutcomeMeasurementConfiguration : IEntityTypeConfiguration<OutcomeMeasurement>
{
    public void Configure(EntityTypeBuilder<OutcomeMeasurement> builder)
    {
        builder.HasOne(m => m.Patient).WithMany().HasForeignKey(m => m.PatientId).OnDelete(DeleteBehavior.Cascade);
        // One cascade path per table (SQL Server allows no more): the patient's; the assessment link is cleared in code.
        builder.HasOne<ClinicalAssessment>().WithMany().HasForeignKey(m => m.AssessmentId).OnDelete(DeleteBehavior.ClientSetNull);
        builder.Property(m => m.InstrumentId).HasMaxLength(40);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Band).HasMaxLength(40);
        builder.HasIndex(m => new { m.PatientId, m.InstrumentId, m.CompletedAt });
    }
}
