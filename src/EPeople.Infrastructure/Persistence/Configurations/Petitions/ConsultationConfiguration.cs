using EPeople.Domain.Institutions;
using EPeople.Domain.Petitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations.Petitions;

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> builder)
    {
        builder.ToTable("consultations");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.InstitutionCode).HasMaxLength(InstitutionCode.Length).IsUnicode(false).IsRequired();
        builder.Property(c => c.Title).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Summary).HasMaxLength(4000).IsRequired();
        builder.Property(c => c.CreatedBy).HasMaxLength(256).IsRequired();

        // The open consultations, soonest to close first.
        builder.HasIndex(c => new { c.ClosesAt, c.Id });
    }
}
