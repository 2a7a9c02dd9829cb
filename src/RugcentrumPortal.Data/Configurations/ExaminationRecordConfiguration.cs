using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RugcentrumPortal.Data.Configurations;

public class ExaminationRecordConfiguration : IEntityTypeConfiguration<ExaminationRecord>
{
    public void Configure(EntityTypeBuilder<ExaminationRecord> builder)
    {
        builder.HasOne<ClinicalAssessment>().WithOne(a => a.Examination).HasForeignKey<ExaminationRecord>(e => e.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.AssessmentId).IsUnique();
        builder.Property(e => e.BreathingPattern).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.LateralShift).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.HighPelvisSide).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.Sagittal).HasConversion<string>().HasMaxLength(20);
        foreach (var finding in new[] { nameof(ExaminationRecord.LeftStrength), nameof(ExaminationRecord.LeftSensation), nameof(ExaminationRecord.LeftReflexes),
                     nameof(ExaminationRecord.LeftStraightLegRaise), nameof(ExaminationRecord.LeftSlump), nameof(ExaminationRecord.RightStrength),
                     nameof(ExaminationRecord.RightSensation), nameof(ExaminationRecord.RightReflexes), nameof(ExaminationRecord.RightStraightLegRaise),
                     nameof(ExaminationRecord.RightSlump) })
        {
            builder.Property(finding).HasConversion<string>().HasMaxLength(20);
        }
    }
}

public class MovementTestEntryConfiguration : IEntityTypeConfiguration<MovementTestEntry>
{
    public void Configure(EntityTypeBuilder<MovementTestEntry> builder)
    {
        builder.Property(t => t.TestId).HasMaxLength(80);
        builder.Property(t => t.Side).HasConversion<string>().HasMaxLength(10);
        builder.Property(t => t.Grade).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(t => new { t.AssessmentId, t.TestId, t.Side }).IsUnique();
    }
}
