using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RugcentrumPortal.Data.Configurations;

public class PracticeExerciseConfiguration : IEntityTypeConfiguration<PracticeExercise>
{
    public const int TitleMaxLength = 120;
    public const int PurposeMaxLength = 1000;
    public const int LinesMaxLength = 4000;

    public void Configure(EntityTypeBuilder<PracticeExercise> builder)
    {
        builder.HasOne<Practice>().WithMany().HasForeignKey(e => e.PracticeId).OnDelete(DeleteBehavior.Restrict);
        // The same length as a plan row's exercise id, which holds this id.
        builder.Property(e => e.Id).HasMaxLength(80);
        builder.Property(e => e.Title).HasMaxLength(TitleMaxLength);
        builder.Property(e => e.Purpose).HasMaxLength(PurposeMaxLength);
        builder.Property(e => e.Steps).HasMaxLength(LinesMaxLength);
        builder.Property(e => e.Cues).HasMaxLength(LinesMaxLength);
        builder.Property(e => e.Phase).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.CreatedById).HasMaxLength(450);
        builder.Property(e => e.UpdatedById).HasMaxLength(450);
        builder.ComplexProperty(e => e.DefaultDosage);
        builder.HasIndex(e => new { e.PracticeId, e.IsArchived });
    }
}
