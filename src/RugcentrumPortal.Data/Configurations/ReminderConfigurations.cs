using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage;

namespace RugcentrumPortal.Data.Configurations;

public class ReminderSettingsConfiguration : IEntityTypeConfiguration<ReminderSettings>
{
    public void Configure(EntityTypeBuilder<ReminderSettings> builder)
    {
        builder.HasOne(r => r.Patient).WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.PatientId).IsUnique();
        builder.Property(r => r.Language).HasMaxLength(5);
    }
}

public class ReminderDeliveryConfiguration : IEntityTypeConfiguration<ReminderDelivery>
{
    public void Configure(EntityTypeBuilder<ReminderDelivery> builder)
    {
        builder.HasOne(r => r.Patient).WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Cascade);
        // The claim: whichever sender inserts the day's row first sends that day's reminder; the others skip it.
        builder.HasIndex(r => new { r.PatientId, r.Day }).IsUnique();
    }
}

public class PushDeviceConfiguration : IEntityTypeConfiguration<PushDevice>
{
    public void Configure(EntityTypeBuilder<PushDevice> builder)
    {
        builder.HasOne(d => d.Patient).WithMany().HasForeignKey(d => d.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.Endpoint).HasMaxLength(2000);
        builder.Property(d => d.EndpointHash).HasMaxLength(64);
        builder.Property(d => d.P256dh).HasMaxLength(200);
        builder.Property(d => d.Auth).HasMaxLength(100);
        builder.HasIndex(d => d.EndpointHash).IsUnique();
    }
}

public class PushKeyPairConfiguration : IEntityTypeConfiguration<PushKeyPair>
{
    public void Configure(EntityTypeBuilder<PushKeyPair> builder)
    {
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.PublicKey).HasMaxLength(200);
        builder.Property(k => k.ProtectedPrivateKey).HasMaxLength(2000);
    }
}

/// <summary>Applied by the context with the database product's SQL helper (see AppDbContext.OnModelCreating).</summary>
public class PortalMessageConfiguration(ISqlGenerationHelper sql) : IEntityTypeConfiguration<PortalMessage>
{
    public void Configure(EntityTypeBuilder<PortalMessage> builder)
    {
        builder.HasOne(m => m.Patient).WithMany().HasForeignKey(m => m.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.AuthorUserId).HasMaxLength(450);
        builder.Property(m => m.Text).HasMaxLength(PortalMessage.MaxLength);
        builder.HasIndex(m => m.SubmissionId).IsUnique();
        builder.HasIndex(m => new { m.PatientId, m.CreatedAt });
        // Few messages are unread at any time: the overview finds them without reading every practice's messages.
        builder.HasIndex(m => new { m.PatientId, m.FromPatient })
            .HasFilter($"{sql.DelimitIdentifier(nameof(PortalMessage.ReadAt))} IS NULL")
            .HasDatabaseName("IX_Messages_Unread");
    }
}
