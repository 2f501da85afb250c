using EPeople.Application.Workflows;
using EPeople.Infrastructure.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations.Workflows;

internal sealed class WorkflowHistoryConfiguration : IEntityTypeConfiguration<WorkflowHistoryRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowHistoryRecord> builder)
    {
        builder.ToTable("wf_history");
        builder.HasKey(h => new { h.InstanceId, h.Seq });
        builder.Property(h => h.NodeId).HasMaxLength(64).IsUnicode(false);
        builder.Property(h => h.Event).HasMaxLength(64).IsUnicode(false);
        builder.Property(h => h.Actor).HasMaxLength(256);
    }
}
