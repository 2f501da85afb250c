using EPeople.Application.Analytics.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations.Analytics;

internal sealed class BurstDayConfiguration : IEntityTypeConfiguration<BurstDayRecord>
{
    public void Configure(EntityTypeBuilder<BurstDayRecord> builder)
    {
        builder.ToTable("analytics_burst_days");
        // A run reads the days of one baseline window, the latest first to restore from.
        builder.HasKey(d => d.Day);
        builder.Property(d => d.Fingerprint).HasMaxLength(16).IsUnicode(false);
    }
}
