using EPeople.Domain.Institutions;
using EPeople.Domain.Petitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations.Petitions;

internal sealed class PetitionEventConfiguration : IEntityTypeConfiguration<PetitionEvent>
{
    public void Configure(EntityTypeBuilder<PetitionEvent> builder)
    {
        builder.ToTable("petition_events");
        builder.HasKey(e => new { e.PetitionId, e.Seq });
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(24).IsUnicode(false);
        builder.Property(e => e.Stage).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(e => e.InstitutionCode).HasMaxLength(InstitutionCode.Length).IsUnicode(false).IsRequired();
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.Property(e => e.Actor).HasMaxLength(256);
    }
}
