using EPeople.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.Property(a => a.ActorName).HasMaxLength(256).IsRequired();
        builder.Property(a => a.IpAddress).HasMaxLength(45).IsUnicode(false);
        builder.Property(a => a.EntityType).HasMaxLength(100).IsUnicode(false).IsRequired();
        builder.Property(a => a.EntityId).HasMaxLength(100).IsUnicode(false).IsRequired();
        builder.Property(a => a.AggregateId).HasMaxLength(100).IsUnicode(false).IsRequired();
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.HasIndex(a => new { a.AggregateId, a.Id });
        builder.HasIndex(a => a.OccurredAt);
    }
}
