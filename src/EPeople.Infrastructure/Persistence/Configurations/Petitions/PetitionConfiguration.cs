using EPeople.Domain.Institutions;
using EPeople.Domain.Petitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations.Petitions;

internal sealed class PetitionConfiguration : IEntityTypeConfiguration<Petition>
{
    public void Configure(EntityTypeBuilder<Petition> builder)
    {
        builder.ToTable("petitions");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.ReceiptNumber).HasMaxLength(24).IsUnicode(false).IsRequired();
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(32).IsUnicode(false);
        builder.Property(p => p.Subtype).HasConversion<string>().HasMaxLength(32).IsUnicode(false);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(24).IsUnicode(false);
        builder.Property(p => p.Title).HasMaxLength(200).IsRequired();
        builder.Property(p => p.Body).HasMaxLength(10_000).IsRequired();
        builder.Property(p => p.RegionCode).HasMaxLength(5).IsUnicode(false);
        builder.Property(p => p.Language).HasMaxLength(2).IsUnicode(false);
        builder.Property(p => p.InstitutionCode).HasMaxLength(InstitutionCode.Length).IsUnicode(false).IsRequired();
        builder.Property(p => p.Department).HasMaxLength(InstitutionNames.MaxLength);
        builder.Property(p => p.DueExplanationKo).HasMaxLength(1000);
        builder.Property(p => p.DueExplanationEn).HasMaxLength(1000);
        builder.Property(p => p.Answer).HasMaxLength(20_000);
        builder.Property(p => p.AdditionalAnswer).HasMaxLength(20_000);
        builder.Property(p => p.RatingComment).HasMaxLength(2000);
        builder.Property(p => p.SupplementRequest).HasMaxLength(2000);
        builder.Property(p => p.SupplementReply).HasMaxLength(10_000);
        builder.Property(p => p.ClosureReason).HasMaxLength(1000);
        builder.ComplexProperty(p => p.Petitioner, contact =>
        {
            contact.Property(c => c.Name).HasColumnName("petitioner_name").HasMaxLength(100).IsRequired();
            contact.Property(c => c.Phone).HasColumnName("petitioner_phone").HasMaxLength(40);
            contact.Property(c => c.Email).HasColumnName("petitioner_email").HasMaxLength(254);
        });
        builder.Ignore(p => p.Stage);
        builder.Ignore(p => p.IsOpen);

        builder.HasMany(p => p.Events).WithOne().HasForeignKey(e => e.PetitionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Events).UsePropertyAccessMode(PropertyAccessMode.Field);

        // Receipt numbers are what citizens quote; "my petitions" is keyset-paged on (petitioner, filed_at, id).
        builder.HasIndex(p => p.ReceiptNumber).IsUnique();
        builder.HasIndex(p => new { p.PetitionerId, p.FiledAt, p.Id });
        builder.HasIndex(p => p.WorkflowInstanceId).IsUnique();

        // Public petitions, newest first, keyset-paged on (is_public, filed_at, id).
        builder.HasIndex(p => new { p.IsPublic, p.FiledAt, p.Id });

        // The supplement-deadline job: petitions awaiting a supplement, the most overdue first.
        builder.HasIndex(p => new { p.Status, p.SupplementDueAt });

        // An institution's statistics: its petitions filed in a date range.
        builder.HasIndex(p => new { p.InstitutionCode, p.FiledAt });

        // Analytics: the incremental recount of the newest days and the league table over a date range.
        builder.HasIndex(p => p.FiledAt);

        // The rating-window job: answered petitions, the oldest answer first.
        builder.HasIndex(p => new { p.Status, p.AnsweredAt });
    }
}
