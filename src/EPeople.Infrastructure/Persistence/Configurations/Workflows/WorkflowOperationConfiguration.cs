using EPeople.Application.Workflows;
using EPeople.Infrastructure.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations.Workflows;

internal sealed class WorkflowOperationConfiguration : IEntityTypeConfiguration<WorkflowOperationRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowOperationRecord> builder)
    {
        builder.ToTable("wf_operation");
        builder.HasKey(o => o.OperationId);
        builder.Property(o => o.OperationId).HasMaxLength(200).IsUnicode(false);
        builder.Property(o => o.Outcome).HasMaxLength(16).IsUnicode(false);
        builder.HasIndex(o => o.CreatedAt);
    }
}
