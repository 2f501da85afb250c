using EPeople.Application.Workflows;
using EPeople.Infrastructure.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations.Workflows;

internal sealed class WorkflowBookmarkConfiguration : IEntityTypeConfiguration<WorkflowBookmarkRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowBookmarkRecord> builder)
    {
        builder.ToTable("wf_bookmark");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).HasMaxLength(80).IsUnicode(false);
        builder.Property(b => b.NodeId).HasMaxLength(64).IsUnicode(false);
        builder.Property(b => b.ActivationId).HasMaxLength(80).IsUnicode(false);
        builder.Property(b => b.Kind).HasMaxLength(16).IsUnicode(false);
        builder.Property(b => b.Hash).HasMaxLength(64).IsUnicode(false);
        builder.HasIndex(b => b.Hash);
        builder.HasIndex(b => b.InstanceId);
    }
}
