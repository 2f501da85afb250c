using EPeople.Application.Abstractions;
using EPeople.Application.Analytics.Similarity;
using EPeople.Domain.Petitions;
using EPeople.Domain.Privacy;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Analytics.Grouping;

/// <summary>
/// Applies <see cref="GroupingRules"/> to a petition: its signatures are indexed, the earlier petitions of the same
/// content found through the band index, and the groups it makes created or joined. Everything is only tracked: the
/// filing's one commit (or the recompute's save) writes it, so a petition is never saved half-grouped.
/// </summary>
internal sealed class PetitionGrouper(IEPeopleDbContext db, SimilarityIndex index, TimeProvider clock)
{
    /// <summary>At filing: index the new (not yet saved) petition and group it.</summary>
    public async Task OnFiledAsync(Petition petition, CancellationToken cancellationToken)
    {
        var signatures = index.Add(petition);
        await GroupAsync(petition, signatures.ContentSignature, cancellationToken);
    }

    /// <summary>For the recompute: index a petition filed before signatures existed, then group it.</summary>
    public async Task RegroupAsync(Petition petition, CancellationToken cancellationToken)
    {
        var signature = await db.PetitionSimilarities.Where(s => s.PetitionId == petition.Id).Select(s => s.ContentSignature).SingleOrDefaultAsync(cancellationToken)
                        ?? index.Add(petition).ContentSignature;
        await GroupAsync(petition, signature, cancellationToken);
    }

    private async Task GroupAsync(Petition petition, byte[] signature, CancellationToken cancellationToken)
    {
        var similar = await index.FindAsync(signature, SimilarityField.Content, GroupingRules.SameContentThreshold, petition.Id, cancellationToken);
        if (similar.Count == 0)
        {
            return;
        }

        var ids = similar.Select(m => m.PetitionId).ToList();
        var earlier = await db.Petitions.AsNoTracking().Where(p => ids.Contains(p.Id) && p.Status != PetitionStatus.Withdrawn)
            .Select(p => new GroupingRules.Filing(p.Id, p.PetitionerId, p.InstitutionCode)).ToListAsync(cancellationToken);
        var matches = GroupingRules.Apply(new GroupingRules.Filing(petition.Id, petition.PetitionerId, petition.InstitutionCode), earlier);
        var now = clock.GetUtcNow();
        foreach (var match in matches)
        {
            await JoinAsync(match, petition, now, cancellationToken);
        }
    }

    private async Task JoinAsync(GroupingRules.Match match, Petition petition, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var members = match.Members;
        var group = await (from m in db.PetitionGroupMembers
                           join g in db.PetitionGroups on m.GroupId equals g.Id
                           where members.Contains(m.PetitionId) && g.Kind == match.Kind
                                 && g.InstitutionCode == match.InstitutionCode && g.PetitionerId == match.PetitionerId
                           orderby g.CreatedAt
                           select g).FirstOrDefaultAsync(cancellationToken);
        HashSet<Guid> present = [];
        if (group is null)
        {
            var first = await db.Petitions.AsNoTracking().Where(p => members.Contains(p.Id)).OrderBy(p => p.FiledAt).Select(p => p.Title).FirstOrDefaultAsync(cancellationToken);
            group = new PetitionGroupRecord
            {
                Id = Guid.CreateVersion7(), Kind = match.Kind, InstitutionCode = match.InstitutionCode, PetitionerId = match.PetitionerId,
                RepresentativeTitle = Truncate(PersonalDataMask.Text(first ?? petition.Title)), Status = PetitionGroupStatus.Open, CreatedAt = now, UpdatedAt = now,
            };
            db.PetitionGroups.Add(group);
        }
        else
        {
            present = [.. await db.PetitionGroupMembers.Where(m => m.GroupId == group.Id).Select(m => m.PetitionId).ToListAsync(cancellationToken)];
            group.UpdatedAt = now;
        }

        foreach (var id in members.Where(id => !present.Contains(id)))
        {
            db.PetitionGroupMembers.Add(new PetitionGroupMemberRecord { GroupId = group.Id, PetitionId = id, JoinedAt = now });
            group.Status = PetitionGroupStatus.Open; // a newcomer has not been answered
        }
    }

    private static string Truncate(string title) => title.Length <= 200 ? title : title[..200];
}
