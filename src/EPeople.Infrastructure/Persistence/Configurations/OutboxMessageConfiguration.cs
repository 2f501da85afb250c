using EPeople.Application.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Source).HasMaxLength(32).IsUnicode(false).IsRequired();
        builder.Property(m => m.Type).HasMaxLength(64).IsUnicode(false).IsRequired();
        builder.Property(m => m.Payload).IsRequired();
        builder.Property(m => m.IdempotencyKey).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.HasIndex(m => m.IdempotencyKey).IsUnique();
        // The dispatcher claims "Pending and due" in creation order.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}
