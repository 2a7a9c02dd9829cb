using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RugcentrumPortal.Data.Configurations;

public class ExerciseMediaConfiguration : IEntityTypeConfiguration<ExerciseMediaItem>
{
    public const int AltTextMaxLength = 300;
    public const int OriginalNameMaxLength = 200;

    public void Configure(EntityTypeBuilder<ExerciseMediaItem> builder)
    {
        builder.HasOne<Practice>().WithMany().HasForeignKey(m => m.PracticeId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(m => m.ExerciseId).HasMaxLength(100);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.ContentType).HasMaxLength(50);
        builder.Property(m => m.AltText).HasMaxLength(AltTextMaxLength);
        builder.Property(m => m.OriginalName).HasMaxLength(OriginalNameMaxLength);
        builder.Property(m => m.UploadedById).HasMaxLength(450);
        builder.HasIndex(m => new { m.PracticeId, m.ExerciseId });
    }
}
