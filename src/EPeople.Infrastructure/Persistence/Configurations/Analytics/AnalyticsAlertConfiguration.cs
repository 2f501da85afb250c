using EPeople.Application.Analytics.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations.Analytics;

internal sealed class AnalyticsAlertConfiguration : IEntityTypeConfiguration<AnalyticsAlertRecord>
{
    public void Configure(EntityTypeBuilder<AnalyticsAlertRecord> builder)
    {
        builder.ToTable("analytics_alerts");
        builder.HasKey(a => a.Id);
        // The detector's id: a day and a term (or a pair of terms) as citizens wrote it, so Unicode.
        builder.Property(a => a.Id).HasMaxLength(200);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(a => a.CloseReason).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(a => a.CloseNote).HasMaxLength(AnalyticsAlertRecord.CloseNoteMaxLength);
        // Terms, examples and institutions are small JSON documents of unbounded text; the series is 28 numbers.
        builder.Property(a => a.Series).HasMaxLength(1000).IsUnicode(false);
        // The list: one status or all, newest raised first, keyset on (raised_on desc, id) — the index in that order, so
        // a page is read from it without a sort.
        builder.HasIndex(a => new { a.Status, a.RaisedOn, a.Id }).IsDescending(false, true, false);
        builder.HasIndex(a => new { a.RaisedOn, a.Id }).IsDescending(true, false);
    }
}
