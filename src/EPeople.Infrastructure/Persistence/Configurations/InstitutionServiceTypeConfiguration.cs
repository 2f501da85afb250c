using EPeople.Domain.Institutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations;

internal sealed class InstitutionServiceTypeConfiguration : IEntityTypeConfiguration<InstitutionServiceType>
{
    public void Configure(EntityTypeBuilder<InstitutionServiceType> builder)
    {
        builder.ToTable("institution_service_types");
        builder.HasKey(s => new { s.InstitutionId, s.Kind });
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(32).IsUnicode(false);
        // Routing asks "which institutions accept this kind": (kind, institution_id).
        builder.HasIndex(s => new { s.Kind, s.InstitutionId });
    }
}
