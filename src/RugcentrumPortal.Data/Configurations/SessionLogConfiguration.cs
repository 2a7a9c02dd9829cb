using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage;

namespace RugcentrumPortal.Data.Configurations;

/// <summary>Applied by the context with the database product's SQL helper (see AppDbContext.OnModelCreating).</summary>
public class SessionLogConfiguration(ISqlGenerationHelper sql) : IEntityTypeConfiguration<SessionLog>
{
    public void Configure(EntityTypeBuilder<SessionLog> builder)
    {
        builder.HasOne(l => l.Patient).WithMany().HasForeignKey(l => l.PatientId).OnDelete(DeleteBehavior.Cascade);
        // Logs go with their patient; a plan that was followed is never deleted, and one cascade path is all SQL Server allows.
        builder.HasOne<RecoveryPlan>().WithMany().HasForeignKey(l => l.PlanId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<PlanExercise>().WithMany().HasForeignKey(l => l.PlanExerciseId).OnDelete(DeleteBehavior.NoAction);
        builder.Property(l => l.ExerciseId).HasMaxLength(80);
        builder.Property(l => l.Outcome).HasConversion<string>().HasMaxLength(10);
        builder.Property(l => l.Note).HasMaxLength(1000);
        builder.HasIndex(l => l.SubmissionId).IsUnique();
        // Pain in the index lets the alerts page sum a patient's weekly pain scores from the index alone.
        builder.HasIndex(l => new { l.PatientId, l.Day, l.Pain });
        // Few logs carry a note: the alerts page reads those without reading every log of the last four weeks.
        builder.HasIndex(l => new { l.PatientId, l.Day })
            .HasFilter($"{sql.DelimitIdentifier(nameof(SessionLog.Note))} IS NOT NULL")
            .HasDatabaseName("IX_SessionLogs_Notes");
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_SessionLogs_Pain", OptionalBetween(nameof(SessionLog.Pain), 0, 10));
            t.HasCheckConstraint("CK_SessionLogs_Tension", OptionalBetween(nameof(SessionLog.Tension), 0, 10));
            t.HasCheckConstraint("CK_SessionLogs_Difficulty", OptionalBetween(nameof(SessionLog.Difficulty), 1, 5));
        });
    }

    private string OptionalBetween(string column, int low, int high)
    {
        var name = sql.DelimitIdentifier(column);
        return $"{name} IS NULL OR {name} BETWEEN {low} AND {high}";
    }
}
