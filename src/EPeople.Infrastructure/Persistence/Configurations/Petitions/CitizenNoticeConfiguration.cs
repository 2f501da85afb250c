using EPeople.Application.Petitions.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations.Petitions;

internal sealed class CitizenNoticeConfiguration : IEntityTypeConfiguration<CitizenNoticeRecord>
{
    public void Configure(EntityTypeBuilder<CitizenNoticeRecord> builder)
    {
        builder.ToTable("citizen_notices");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Kind).HasMaxLength(24).IsUnicode(false);
        builder.Property(n => n.Title).HasMaxLength(300).IsRequired();
        builder.Property(n => n.Body).HasMaxLength(4000).IsRequired();

        // The inbox is keyset-paged newest first; one notice per timeline step, whatever retries happen.
        builder.HasIndex(n => new { n.PetitionerId, n.CreatedAt, n.Id });
        builder.HasIndex(n => new { n.PetitionId, n.EventSeq }).IsUnique();
    }
}
