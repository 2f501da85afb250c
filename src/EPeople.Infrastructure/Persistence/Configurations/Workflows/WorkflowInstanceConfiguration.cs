using EPeople.Application.Workflows;
using EPeople.Infrastructure.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations.Workflows;

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstanceRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowInstanceRecord> builder)
    {
        builder.ToTable("wf_instance");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.DefinitionId).HasMaxLength(100).IsUnicode(false);
        builder.Property(i => i.CorrelationId).HasMaxLength(100).IsUnicode(false);
        builder.Property(i => i.Status).HasMaxLength(16).IsUnicode(false);
        builder.Property(i => i.State).IsRequired();
        builder.Property(i => i.Version).IsConcurrencyToken();
        // The correlated singleton: one active instance per definition and case.
        builder.HasIndex(i => new { i.DefinitionId, i.CorrelationId }).IsUnique().HasFilter("status = 'Active'");
        builder.HasIndex(i => i.CorrelationId);
    }
}
