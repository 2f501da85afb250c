using EPeople.Domain.Institutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations;

internal sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> builder)
    {
        builder.ToTable("institutions");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Code).HasMaxLength(InstitutionCode.Length).IsUnicode(false).IsRequired();
        builder.Property(i => i.NameKo).HasMaxLength(InstitutionNames.MaxLength).IsRequired();
        builder.Property(i => i.NameEn).HasMaxLength(InstitutionNames.MaxLength).IsRequired();
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(32).IsUnicode(false);
        builder.Property(i => i.RegionCode).HasMaxLength(5).IsUnicode(false);
        builder.Property(i => i.SearchKey).HasMaxLength(InstitutionNames.MaxLength * 2 + 16).IsRequired();
        builder.ComplexProperty(i => i.Contact, contact =>
        {
            contact.Property(c => c.Phone).HasMaxLength(40);
            contact.Property(c => c.Email).HasMaxLength(254);
            contact.Property(c => c.Website).HasMaxLength(300);
            contact.Property(c => c.Address).HasMaxLength(300);
        });

        builder.HasOne<Institution>().WithMany().HasForeignKey(i => i.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Departments).WithOne().HasForeignKey(d => d.InstitutionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.ServiceTypes).WithOne().HasForeignKey(s => s.InstitutionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Departments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(i => i.ServiceTypes).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(i => i.IntakeRules).WithOne().HasForeignKey(r => r.InstitutionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.IntakeRules).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The directory is keyset-paged by code; the kind filter uses (kind, code), the tree uses parent_id.
        builder.HasIndex(i => i.Code).IsUnique();
        builder.HasIndex(i => new { i.Kind, i.Code });
        builder.HasIndex(i => i.ParentId);
        builder.HasIndex(i => i.RegionCode);
    }
}
