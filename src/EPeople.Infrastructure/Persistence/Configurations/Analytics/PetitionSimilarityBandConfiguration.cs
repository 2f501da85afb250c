using EPeople.Application.Analytics.Similarity;
using EPeople.Domain.Petitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations.Analytics;

internal sealed class PetitionSimilarityBandConfiguration : IEntityTypeConfiguration<PetitionSimilarityBandRecord>
{
    public void Configure(EntityTypeBuilder<PetitionSimilarityBandRecord> builder)
    {
        builder.ToTable("petition_similarity_bands");
        // The key first: a lookup is key IN (20 band keys) and reads the petition ids from the index alone.
        builder.HasKey(b => new { b.Key, b.PetitionId });
        builder.HasIndex(b => b.PetitionId);
        builder.HasOne<Petition>().WithMany().HasForeignKey(b => b.PetitionId).OnDelete(DeleteBehavior.Cascade);
    }
}
