using EPeople.Application.Petitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations.Petitions;

internal sealed class FilingKeyConfiguration : IEntityTypeConfiguration<FilingKeyRecord>
{
    public void Configure(EntityTypeBuilder<FilingKeyRecord> builder)
    {
        builder.ToTable("petition_filing_keys");
        builder.HasKey(k => new { k.PetitionerId, k.Key });
        builder.Property(k => k.Key).HasMaxLength(100).IsUnicode(false);
        builder.Property(k => k.RequestHash).HasMaxLength(64).IsUnicode(false).IsRequired();
    }
}
