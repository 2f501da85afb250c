using EPeople.Application.Analytics.Grouping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations.Analytics;

internal sealed class PetitionGroupConfiguration : IEntityTypeConfiguration<PetitionGroupRecord>
{
    public void Configure(EntityTypeBuilder<PetitionGroupRecord> builder)
    {
        builder.ToTable("petition_groups");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Kind).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(g => g.Status).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(g => g.InstitutionCode).HasMaxLength(7).IsUnicode(false);
        builder.Property(g => g.RepresentativeTitle).HasMaxLength(200).IsRequired();

        // The group list sorts by the last change (keyset on updated_at, id); the per-kind lookups when grouping go through members.
        builder.HasIndex(g => new { g.UpdatedAt, g.Id });
        builder.HasIndex(g => new { g.Kind, g.InstitutionCode, g.UpdatedAt });
    }
}
