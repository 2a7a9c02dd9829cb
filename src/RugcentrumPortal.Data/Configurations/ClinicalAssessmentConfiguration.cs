using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage;
using RugcentrumPortal.Clinical.Screening;

namespace RugcentrumPortal.Data.Configurations;

/// <summary>Applied by the context with the database product's SQL helper (see AppDbContext.OnModelCreating).</summary>
public class ClinicalAssessmentConfiguration(ISqlGenerationHelper sql) : IEntityTypeConfiguration<ClinicalAssessment>
{
    public void Configure(EntityTypeBuilder<ClinicalAssessment> builder)
    {
        builder.HasOne(a => a.Patient).WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Therapist).WithMany().HasForeignKey(a => a.TherapistId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.DecidedBy).WithMany().HasForeignKey(a => a.DecidedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.ClearanceRecordedBy).WithMany().HasForeignKey(a => a.ClearanceRecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Ratings).WithOne().HasForeignKey(r => r.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.PatternReviews).WithOne().HasForeignKey(r => r.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.MovementTests).WithOne().HasForeignKey(t => t.AssessmentId).OnDelete(DeleteBehavior.Cascade);

        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Conclusion).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.HighestUrgency).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.DecisionKind).HasConversion<string>().HasMaxLength(30);
        foreach (var text in new[] { nameof(ClinicalAssessment.ComplaintDescription), nameof(ClinicalAssessment.Onset), nameof(ClinicalAssessment.Duration),
                     nameof(ClinicalAssessment.Course), nameof(ClinicalAssessment.Aggravating), nameof(ClinicalAssessment.Easing), nameof(ClinicalAssessment.History),
                     nameof(ClinicalAssessment.DecisionReason), nameof(ClinicalAssessment.AdviceGiven), nameof(ClinicalAssessment.BalanceNotes),
                     nameof(ClinicalAssessment.ClearanceExcluded) })
        {
            builder.Property(text).HasMaxLength(4000);
        }
        builder.Property(a => a.ClearedBy).HasMaxLength(200);
        builder.Property(a => a.ClearanceRole).HasMaxLength(100);
        builder.HasIndex(a => new { a.PatientId, a.CreatedAt });
        builder.HasIndex(a => new { a.TherapistId, a.Status });
        // Assessments still waiting for a doctor's clearance, the therapist's overview's open decisions: few at any
        // time, so the overview finds them here instead of looking up every patient of the therapist.
        builder.HasIndex(a => a.PatientId)
            .HasFilter($"{sql.DelimitIdentifier(nameof(ClinicalAssessment.Conclusion))} = '{nameof(ScreeningConclusion.NietPluis)}' AND {sql.DelimitIdentifier(nameof(ClinicalAssessment.ClearanceRecordedAt))} IS NULL")
            .HasDatabaseName("IX_Assessments_AwaitingClearance");
    }
}

public class MuscleRatingEntryConfiguration : IEntityTypeConfiguration<MuscleRatingEntry>
{
    public void Configure(EntityTypeBuilder<MuscleRatingEntry> builder)
    {
        builder.Property(r => r.MuscleId).HasMaxLength(80);
        builder.Property(r => r.Tone).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Side).HasConversion<string>().HasMaxLength(10);
        builder.HasIndex(r => new { r.AssessmentId, r.MuscleId, r.Side }).IsUnique();
    }
}

public class PatternReviewConfiguration : IEntityTypeConfiguration<PatternReview>
{
    public void Configure(EntityTypeBuilder<PatternReview> builder)
    {
        builder.Property(r => r.PatternId).HasMaxLength(80);
        builder.Property(r => r.Note).HasMaxLength(2000);
        builder.HasIndex(r => new { r.AssessmentId, r.PatternId }).IsUnique();
    }
}
