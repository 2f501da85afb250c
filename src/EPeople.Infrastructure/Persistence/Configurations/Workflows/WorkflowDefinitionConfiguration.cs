using EPeople.Application.Workflows;
using EPeople.Infrastructure.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations.Workflows;

internal sealed class WorkflowDefinitionConfiguration : IEntityTypeConfiguration<WorkflowDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinitionRecord> builder)
    {
        builder.ToTable("wf_definition");
        builder.HasKey(d => new { d.DefinitionId, d.Version });
        builder.Property(d => d.DefinitionId).HasMaxLength(100).IsUnicode(false);
        builder.Property(d => d.Status).HasMaxLength(16).IsUnicode(false);
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.Property(d => d.Json).IsRequired();
        builder.Property(d => d.JsonSha256).HasMaxLength(64).IsUnicode(false);
        builder.Property(d => d.SchemaVersion).HasMaxLength(64).IsUnicode(false);
        builder.Property(d => d.CreatedBy).HasMaxLength(256);
        builder.Property(d => d.PublishedBy).HasMaxLength(256);
        // Importing the same content twice is recognised by its hash.
        builder.HasIndex(d => new { d.DefinitionId, d.JsonSha256 });
    }
}
