using EPeople.Application.Analytics.Similarity;
using EPeople.Domain.Petitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations.Analytics;

internal sealed class PetitionSimilarityConfiguration : IEntityTypeConfiguration<PetitionSimilarityRecord>
{
    public void Configure(EntityTypeBuilder<PetitionSimilarityRecord> builder)
    {
        builder.ToTable("petition_similarity");
        builder.HasKey(s => s.PetitionId);
        builder.Property(s => s.TitleSignature).HasMaxLength(MinHash.SignatureBytes).IsRequired();
        builder.Property(s => s.ContentSignature).HasMaxLength(MinHash.SignatureBytes).IsRequired();
        builder.HasOne<Petition>().WithOne().HasForeignKey<PetitionSimilarityRecord>(s => s.PetitionId).OnDelete(DeleteBehavior.Cascade);
    }
}
