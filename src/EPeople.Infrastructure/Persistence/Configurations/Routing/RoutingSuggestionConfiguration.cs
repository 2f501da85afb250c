using EPeople.Application.Petitions.Routing;
using EPeople.Domain.Petitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations.Routing;

internal sealed class RoutingSuggestionConfiguration : IEntityTypeConfiguration<RoutingSuggestionRecord>
{
    public void Configure(EntityTypeBuilder<RoutingSuggestionRecord> builder)
    {
        builder.ToTable("petition_routing_suggestions");
        builder.HasKey(s => new { s.PetitionId, s.Rank });
        builder.Property(s => s.InstitutionCode).HasMaxLength(7).IsUnicode(false).IsRequired();
        builder.Property(s => s.Reason).HasMaxLength(RoutingReason.MaxLength).IsRequired();
        builder.Property(s => s.ReasonKind).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(s => s.ReasonDetail).HasMaxLength(100);
        builder.Property(s => s.ReasonTerms).HasMaxLength(200);
        builder.HasOne<Petition>().WithMany().HasForeignKey(s => s.PetitionId).OnDelete(DeleteBehavior.Cascade);
    }
}
