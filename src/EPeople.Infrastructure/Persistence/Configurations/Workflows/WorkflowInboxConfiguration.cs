using EPeople.Application.Workflows;
using EPeople.Infrastructure.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations.Workflows;

internal sealed class WorkflowInboxConfiguration : IEntityTypeConfiguration<WorkflowInboxRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowInboxRecord> builder)
    {
        builder.ToTable("wf_event_inbox");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(100).IsUnicode(false);
        builder.Property(e => e.Name).HasMaxLength(100).IsUnicode(false);
        builder.Property(e => e.CorrelationKey).HasMaxLength(100).IsUnicode(false);
        builder.HasIndex(e => new { e.CorrelationKey, e.Name });
    }
}
