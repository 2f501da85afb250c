using EPeople.Application.Workflows;
using EPeople.Infrastructure.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations.Workflows;

internal sealed class WorkflowIncidentConfiguration : IEntityTypeConfiguration<WorkflowIncidentRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowIncidentRecord> builder)
    {
        builder.ToTable("wf_incident");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedOnAdd();
        builder.Property(i => i.NodeId).HasMaxLength(64).IsUnicode(false);
        builder.Property(i => i.TokenId).HasMaxLength(80).IsUnicode(false);
        builder.Property(i => i.Kind).HasMaxLength(32).IsUnicode(false);
        builder.Property(i => i.Message).HasMaxLength(2000);
        builder.HasIndex(i => new { i.InstanceId, i.ResolvedAt });

        // The operators' list: open (resolved_at null) or resolved incidents, newest first.
        builder.HasIndex(i => new { i.ResolvedAt, i.Id });
    }
}
