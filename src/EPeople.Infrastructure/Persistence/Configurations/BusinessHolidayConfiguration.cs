using EPeople.Application.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations;

internal sealed class BusinessHolidayConfiguration : IEntityTypeConfiguration<BusinessHolidayRecord>
{
    public void Configure(EntityTypeBuilder<BusinessHolidayRecord> builder)
    {
        builder.ToTable("business_holidays");
        builder.HasKey(h => new { h.CalendarId, h.Date });
        builder.Property(h => h.CalendarId).HasMaxLength(64).IsUnicode(false);
        builder.Property(h => h.NameKo).HasMaxLength(100).IsRequired();
        builder.Property(h => h.NameEn).HasMaxLength(100).IsRequired();
        builder.Property(h => h.Kind).HasMaxLength(16).IsUnicode(false);
    }
}
