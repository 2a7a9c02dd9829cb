using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RugcentrumPortal.Data.Configurations;

public class AccessLogEntryConfiguration : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> builder)
    {
        builder.ToTable("AccessLog");
        // The database's own guarantee that concurrent writers cannot fork a chain: one line per place.
        builder.HasIndex(e => new { e.PracticeId, e.Sequence }).IsUnique();
        builder.HasIndex(e => new { e.PracticeId, e.PatientId, e.At });
        builder.HasIndex(e => new { e.PracticeId, e.At });
        builder.Property(e => e.Event).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.OnBehalfOf).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.PatientName).HasMaxLength(200);
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.UserName).HasMaxLength(200);
        builder.Property(e => e.Role).HasMaxLength(40);
        builder.Property(e => e.RemoteAddress).HasMaxLength(64);
        builder.Property(e => e.Subject).HasMaxLength(80);
        builder.Property(e => e.Target).HasMaxLength(400);
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.Hash).HasMaxLength(64).IsFixedLength();
    }
}
