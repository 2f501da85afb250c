using EPeople.Domain.Institutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.ToTable("departments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.NameKo).HasMaxLength(InstitutionNames.MaxLength).IsRequired();
        builder.Property(d => d.NameEn).HasMaxLength(InstitutionNames.MaxLength).IsRequired();
        builder.HasIndex(d => new { d.InstitutionId, d.NameKo }).IsUnique();
    }
}
