using EPeople.Application.Analytics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations.Analytics;

internal sealed class DailyCountConfiguration : IEntityTypeConfiguration<DailyCountRecord>
{
    public void Configure(EntityTypeBuilder<DailyCountRecord> builder)
    {
        builder.ToTable("analytics_daily_counts");
        // The key is also the volumes query's index: dimension, then the keys' days in a range.
        builder.HasKey(c => new { c.Dimension, c.Key, c.Day });
        builder.Property(c => c.Dimension).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(c => c.Key).HasMaxLength(32).IsUnicode(false);
        // The top keys of a dimension over a date range, and the recount's delete of the newest days.
        builder.HasIndex(c => new { c.Dimension, c.Day });
    }
}

internal sealed class AnalyticsWatermarkConfiguration : IEntityTypeConfiguration<AnalyticsWatermarkRecord>
{
    public void Configure(EntityTypeBuilder<AnalyticsWatermarkRecord> builder)
    {
        builder.ToTable("analytics_watermarks");
        builder.HasKey(w => w.Name);
        builder.Property(w => w.Name).HasMaxLength(32).IsUnicode(false);
        builder.Property(w => w.LastRunKind).HasMaxLength(16).IsUnicode(false);
    }
}
