using EPeople.Application.Workflows;
using EPeople.Infrastructure.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations.Workflows;

internal sealed class WorkflowTaskConfiguration : IEntityTypeConfiguration<WorkflowTaskRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowTaskRecord> builder)
    {
        builder.ToTable("wf_task");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(80).IsUnicode(false);
        builder.Property(t => t.CorrelationId).HasMaxLength(100).IsUnicode(false);
        builder.Property(t => t.DefinitionId).HasMaxLength(100).IsUnicode(false);
        builder.Property(t => t.NodeId).HasMaxLength(64).IsUnicode(false);
        builder.Property(t => t.Kind).HasMaxLength(16).IsUnicode(false);
        builder.Property(t => t.Title).HasMaxLength(500);
        builder.Property(t => t.InstitutionCode).HasMaxLength(7).IsUnicode(false);
        builder.Property(t => t.Department).HasMaxLength(200);
        builder.Property(t => t.Position).HasMaxLength(32).IsUnicode(false);
        builder.Property(t => t.Assignee).HasMaxLength(256);
        builder.Property(t => t.Status).HasMaxLength(16).IsUnicode(false);
        builder.Property(t => t.FormKey).HasMaxLength(100);
        builder.Property(t => t.ClaimedBy).HasMaxLength(256);
        builder.Property(t => t.Outcome).HasMaxLength(64);
        builder.Property(t => t.CompletedBy).HasMaxLength(256);
        builder.Property(t => t.Revision).IsConcurrencyToken();
        // Worklists filter by equality on the prefix and page by (due_at, id) (ENGINE.md §4.6).
        builder.HasIndex(t => new { t.InstitutionCode, t.IsOpen, t.DueAt, t.Id });
        builder.HasIndex(t => new { t.Department, t.IsOpen, t.DueAt, t.Id });
        builder.HasIndex(t => new { t.Assignee, t.IsOpen, t.DueAt, t.Id });
        builder.HasIndex(t => new { t.ClaimedBy, t.IsOpen, t.DueAt, t.Id }); // "mine" is assigned to me or claimed by me

        builder.HasIndex(t => t.InstanceId);
    }
}
