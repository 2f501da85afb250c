using EPeople.Application.Petitions.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations.Routing;

internal sealed class RouterModelVersionConfiguration : IEntityTypeConfiguration<RouterModelVersionRecord>
{
    public void Configure(EntityTypeBuilder<RouterModelVersionRecord> builder)
    {
        builder.ToTable("router_model_versions");
        builder.HasKey(v => v.Version);
        builder.Property(v => v.Version).ValueGeneratedNever();
        builder.Property(v => v.Verdict).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(v => v.Decision).HasMaxLength(500).IsRequired();
        // The newest promoted version is what every node loads.
        builder.HasIndex(v => new { v.Verdict, v.Version });
    }
}
