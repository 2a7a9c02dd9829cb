using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RugcentrumPortal.Web.Data.Configurations;

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
