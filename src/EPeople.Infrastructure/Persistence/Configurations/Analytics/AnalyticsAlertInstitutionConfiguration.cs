using EPeople.Application.Analytics.Alerts;
using EPeople.Domain.Institutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations.Analytics;

internal sealed class AnalyticsAlertInstitutionConfiguration : IEntityTypeConfiguration<AnalyticsAlertInstitutionRecord>
{
    public void Configure(EntityTypeBuilder<AnalyticsAlertInstitutionRecord> builder)
    {
        builder.ToTable("analytics_alert_institutions");
        builder.HasKey(r => new { r.AlertId, r.InstitutionCode });
        builder.Property(r => r.AlertId).HasMaxLength(200);
        builder.Property(r => r.InstitutionCode).HasMaxLength(InstitutionCode.Length).IsUnicode(false);
        builder.HasOne<AnalyticsAlertRecord>().WithMany().HasForeignKey(r => r.AlertId).OnDelete(DeleteBehavior.Cascade);
        // The list of one institution's alerts: newest raised first, keyset on (raised_on desc, alert_id).
        // Named: the generated name is longer than PostgreSQL's 63 characters.
        builder.HasIndex(r => new { r.InstitutionCode, r.RaisedOn, r.AlertId }).IsDescending(false, true, false)
            .HasDatabaseName("ix_analytics_alert_institutions_code_raised_on_alert_id");
    }
}
