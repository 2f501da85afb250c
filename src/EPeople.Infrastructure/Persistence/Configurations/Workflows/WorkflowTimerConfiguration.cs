using EPeople.Application.Workflows;
using EPeople.Infrastructure.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations.Workflows;

internal sealed class WorkflowTimerConfiguration : IEntityTypeConfiguration<WorkflowTimerRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowTimerRecord> builder)
    {
        builder.ToTable("wf_timer");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(80).IsUnicode(false);
        builder.Property(t => t.BookmarkId).HasMaxLength(80).IsUnicode(false);
        builder.Property(t => t.NodeId).HasMaxLength(64).IsUnicode(false);
        builder.Property(t => t.Kind).HasMaxLength(16).IsUnicode(false);
        builder.Property(t => t.DeadlineId).HasMaxLength(64);
        builder.Property(t => t.Status).HasMaxLength(16).IsUnicode(false);
        builder.Property(t => t.ClaimedBy).HasMaxLength(200);
        // The timer pump claims "Pending and due" (and expired claims) in fire order.
        builder.HasIndex(t => new { t.Status, t.FireAt });
        builder.HasIndex(t => t.InstanceId);
    }
}
