using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RugcentrumPortal.Web.Data.Configurations;

public class RecoveryPlanConfiguration : IEntityTypeConfiguration<RecoveryPlan>
{
    public void Configure(EntityTypeBuilder<RecoveryPlan> builder)
    {
        builder.HasOne<Practice>().WithMany().HasForeignKey(p => p.PracticeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Patient).WithMany().HasForeignKey(p => p.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ClinicalAssessment>().WithMany().HasForeignKey(p => p.SourceAssessmentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(p => p.Phases).WithOne().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Exercises).WithOne().HasForeignKey(e => e.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.TemplateName).HasMaxLength(200);
        builder.Property(p => p.Notes).HasMaxLength(4000);
        builder.Ignore(p => p.IsTemplate);
        builder.HasIndex(p => new { p.LineageId, p.Version }).IsUnique();
        builder.HasIndex(p => new { p.PatientId, p.Status });
        builder.HasIndex(p => new { p.PracticeId, p.TemplateName });
        // The database itself guarantees what the patient sees: at most one active version per patient.
        builder.HasIndex(p => p.PatientId).IsUnique().HasFilter("\"Status\" = 'Active'").HasDatabaseName("IX_RecoveryPlans_OneActivePerPatient");
    }
}

public class PlanPhaseConfiguration : IEntityTypeConfiguration<PlanPhase>
{
    public void Configure(EntityTypeBuilder<PlanPhase> builder)
    {
        builder.Property(p => p.Phase).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Goal).HasMaxLength(1000);
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
        builder.HasIndex(e => new { e.PlanId, e.Order });
    }
}

public class PatientInvitationConfiguration : IEntityTypeConfiguration<PatientInvitation>
{
    public void Configure(EntityTypeBuilder<PatientInvitation> builder)
    {
        builder.HasOne(i => i.Patient).WithMany().HasForeignKey(i => i.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.TokenHash).IsUnique();
    }
}

public class SessionLogConfiguration : IEntityTypeConfiguration<SessionLog>
{
    public void Configure(EntityTypeBuilder<SessionLog> builder)
    {
        builder.HasOne(l => l.Patient).WithMany().HasForeignKey(l => l.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<RecoveryPlan>().WithMany().HasForeignKey(l => l.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlanExercise>().WithMany().HasForeignKey(l => l.PlanExerciseId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.ExerciseId).HasMaxLength(80);
        builder.Property(l => l.Outcome).HasConversion<string>().HasMaxLength(10);
        builder.Property(l => l.Note).HasMaxLength(1000);
        builder.HasIndex(l => l.SubmissionId).IsUnique();
        builder.HasIndex(l => new { l.PatientId, l.Day });
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_SessionLogs_Pain", "\"Pain\" IS NULL OR \"Pain\" BETWEEN 0 AND 10");
            t.HasCheckConstraint("CK_SessionLogs_Tension", "\"Tension\" IS NULL OR \"Tension\" BETWEEN 0 AND 10");
            t.HasCheckConstraint("CK_SessionLogs_Difficulty", "\"Difficulty\" IS NULL OR \"Difficulty\" BETWEEN 1 AND 5");
        });
    }
}

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
