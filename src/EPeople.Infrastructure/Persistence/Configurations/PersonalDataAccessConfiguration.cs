using EPeople.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations;

internal sealed class PersonalDataAccessConfiguration : IEntityTypeConfiguration<PersonalDataAccess>
{
    public void Configure(EntityTypeBuilder<PersonalDataAccess> builder)
    {
        builder.ToTable("personal_data_access_log");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.Property(a => a.ActorName).HasMaxLength(256).IsRequired();
        builder.Property(a => a.IpAddress).HasMaxLength(64).IsUnicode(false);
        builder.Property(a => a.Record).HasMaxLength(80).IsUnicode(false).IsRequired();
        builder.Property(a => a.Action).HasMaxLength(24).IsUnicode(false).IsRequired();
        builder.Property(a => a.Purpose).HasMaxLength(500);

        // "Who looked at my data", newest first.
        builder.HasIndex(a => new { a.SubjectId, a.At });
    }
}
