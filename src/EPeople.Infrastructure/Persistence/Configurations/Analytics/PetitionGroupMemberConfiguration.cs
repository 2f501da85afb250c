using EPeople.Application.Analytics.Grouping;
using EPeople.Domain.Petitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EPeople.Infrastructure.Persistence.Configurations.Analytics;

internal sealed class PetitionGroupMemberConfiguration : IEntityTypeConfiguration<PetitionGroupMemberRecord>
{
    public void Configure(EntityTypeBuilder<PetitionGroupMemberRecord> builder)
    {
        builder.ToTable("petition_group_members");
        // (group, petition) lists a group's members; (petition) finds a petition's groups for the task page and when grouping.
        builder.HasKey(m => new { m.GroupId, m.PetitionId });
        builder.HasIndex(m => m.PetitionId);
        builder.HasOne<PetitionGroupRecord>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Petition>().WithMany().HasForeignKey(m => m.PetitionId).OnDelete(DeleteBehavior.Cascade);
    }
}
