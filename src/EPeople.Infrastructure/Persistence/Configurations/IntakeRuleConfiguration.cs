using EPeople.Domain.Institutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations;

internal sealed class IntakeRuleConfiguration : IEntityTypeConfiguration<IntakeRule>
{
    public void Configure(EntityTypeBuilder<IntakeRule> builder)
    {
        builder.ToTable("institution_intake_rules");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32).IsUnicode(false);
        builder.Property(r => r.Subtype).HasConversion<string>().HasMaxLength(32).IsUnicode(false);
        builder.HasOne<Department>().WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.InstitutionId, r.Kind, r.Subtype });
        builder.HasIndex(r => r.DepartmentId);
    }
}
