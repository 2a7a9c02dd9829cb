using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RugcentrumPortal.Data.Configurations;

/// <summary>
/// Identity's passkey rows (public key, name, when added) with one column of the portal's own: when the passkey
/// last signed someone in, which Identity does not keep and the account page shows.
/// </summary>
public class PasskeyConfiguration : IEntityTypeConfiguration<IdentityUserPasskey<string>>
{
    public const string LastUsedAt = nameof(LastUsedAt);

    public void Configure(EntityTypeBuilder<IdentityUserPasskey<string>> builder) =>
        builder.Property<DateTimeOffset?>(LastUsedAt);
}
