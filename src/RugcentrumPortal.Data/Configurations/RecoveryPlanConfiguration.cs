using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage;

namespace RugcentrumPortal.Data.Configurations;

/// <summary>Applied by the context with the database product's SQL helper (see AppDbContext.OnModelCreating).</summary>
public class RecoveryPlanConfiguration(ISqlGenerationHelper sql) : IEntityTypeConfiguration<RecoveryPlan>
{
    public void Configure(EntityTypeBuilder<RecoveryPlan> builder)
    {
        builder.HasOne<Practice>().WithMany().HasForeignKey(p => p.PracticeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Patient).WithMany().HasForeignKey(p => p.PatientId).OnDelete(DeleteBehavior.Cascade);
        // Only one path may cascade from a patient to a plan (SQL Server refuses more); the assessment link is cleared in code.
        builder.HasOne<ClinicalAssessment>().WithMany().HasForeignKey(p => p.SourceAssessmentId).OnDelete(DeleteBehavior.ClientSetNull);
        builder.HasMany(p => p.Phases).WithOne().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Exercises).WithOne().HasForeignKey(e => e.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.TemplateName).HasMaxLength(200);
        builder.Property(p => p.Notes).HasMaxLength(4000);
        builder.Property(p => p.PauseReason).HasMaxLength(RecoveryPlan.PauseReasonMaxLength);
        builder.Property(p => p.StatusChangedById).HasMaxLength(450);
        builder.Ignore(p => p.IsTemplate);
        builder.HasIndex(p => new { p.LineageId, p.Version }).IsUnique();
        builder.HasIndex(p => new { p.PatientId, p.Status });
        builder.HasIndex(p => new { p.PracticeId, p.TemplateName });
        // The database itself guarantees what the patient sees: at most one live version per patient, active or
        // paused, so resuming a paused version can never put a second one next to a newer active version.
        builder.HasIndex(p => p.PatientId).IsUnique().HasFilter($"{sql.DelimitIdentifier(nameof(RecoveryPlan.Status))} IN ('Active', 'Paused')").HasDatabaseName("IX_RecoveryPlans_OneActivePerPatient");
    }
}

public class PlanPhaseConfiguration : IEntityTypeConfiguration<PlanPhase>
{
    public void Configure(EntityTypeBuilder<PlanPhase> builder)
    {
        builder.Property(p => p.Phase).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Goal).HasMaxLength(1000);
        builder.Property(p => p.SuggestedGoalNl).HasMaxLength(1000);
        builder.Property(p => p.SuggestedGoalEn).HasMaxLength(1000);
    }
}

public class PlanExerciseConfiguration : IEntityTypeConfiguration<PlanExercise>
{
    public void Configure(EntityTypeBuilder<PlanExercise> builder)
    {
        builder.Property(e => e.Phase).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ExerciseId).HasMaxLength(80);
        builder.Property(e => e.Instructions).HasMaxLength(1000);
        builder.Property(e => e.PrecautionNote).HasMaxLength(1000);
        // The dosage is one value in code and keeps its own columns, named as before the value existed.
        builder.ComplexProperty(e => e.Dosage, dosage =>
        {
            dosage.Property(d => d.Sets).HasColumnName(nameof(ExerciseDosage.Sets));
            dosage.Property(d => d.Repetitions).HasColumnName(nameof(ExerciseDosage.Repetitions));
            dosage.Property(d => d.HoldSeconds).HasColumnName(nameof(ExerciseDosage.HoldSeconds));
            dosage.Property(d => d.RestSeconds).HasColumnName(nameof(ExerciseDosage.RestSeconds));
            dosage.Property(d => d.TimesPerDay).HasColumnName(nameof(ExerciseDosage.TimesPerDay));
            dosage.Property(d => d.TimesPerWeek).HasColumnName(nameof(ExerciseDosage.TimesPerWeek));
            dosage.Property(d => d.Minutes).HasColumnName(nameof(ExerciseDosage.Minutes));
        });
        builder.HasIndex(e => new { e.PlanId, e.Order });
    }
}
