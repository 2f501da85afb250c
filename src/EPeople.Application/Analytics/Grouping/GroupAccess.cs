using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Domain.Petitions;
using EPeople.Domain.Privacy;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Analytics.Grouping;

/// <summary>Who may see a group (officials of an institution holding one of its members) and the group as they see it.</summary>
internal static class GroupAccess
{
    public sealed record MemberRow(Guid PetitionId, string InstitutionCode, string FilerName, bool IdentityProtected, DateTimeOffset FiledAt,
        string ReceiptNumber, string Title, PetitionStatus Status, DateTimeOffset? AnsweredAt, Guid WorkflowInstanceId);

    /// <summary>The official's institution code (403 without one).</summary>
    public static async Task<string> InstitutionOfAsync(this IEPeopleDbContext db, ICurrentUser user, CancellationToken cancellationToken) =>
        (user.InstitutionId is { } id ? await db.Institutions.Where(i => i.Id == id).Select(i => i.Code).SingleOrDefaultAsync(cancellationToken) : null)
        ?? throw new ForbiddenException("Only an official of an institution can see petition groups.");

    /// <summary>The group and its members (404 when there is none; 403 when the institution holds none of its members).</summary>
    public static async Task<(PetitionGroupRecord Group, IReadOnlyList<MemberRow> Members)> LoadGroupAsync(
        this IEPeopleDbContext db, Guid groupId, string institution, bool track, CancellationToken cancellationToken)
    {
        var groups = track ? db.PetitionGroups : db.PetitionGroups.AsNoTracking();
        var group = await groups.SingleOrDefaultAsync(g => g.Id == groupId, cancellationToken) ?? throw new NotFoundException("Petition group", groupId);
        var members = await MembersAsync(db, [groupId], cancellationToken);
        return members.Any(m => m.InstitutionCode == institution)
            ? (group, members)
            : throw new ForbiddenException("This petition group holds none of your institution's petitions.");
    }

    public static async Task<List<(Guid GroupId, MemberRow Member)>> MembersOfAsync(IEPeopleDbContext db, IReadOnlyCollection<Guid> groupIds, CancellationToken cancellationToken)
    {
        var rows = await (from m in db.PetitionGroupMembers
                          join p in db.Petitions on m.PetitionId equals p.Id
                          where groupIds.Contains(m.GroupId)
                          select new { m.GroupId, p.Id, p.InstitutionCode, p.Petitioner.Name, p.IdentityProtected, p.FiledAt, p.ReceiptNumber, p.Title, p.Status, p.AnsweredAt, p.WorkflowInstanceId })
            .AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.FiledAt).ThenBy(r => r.Id)
            .Select(r => (r.GroupId, new MemberRow(r.Id, r.InstitutionCode, r.Name, r.IdentityProtected, r.FiledAt, r.ReceiptNumber, r.Title, r.Status, r.AnsweredAt, r.WorkflowInstanceId)))];
    }

    public static PetitionGroupDto ToDto(PetitionGroupRecord group, IReadOnlyList<MemberRow> members, string institution)
    {
        var answered = members.Count(m => m.AnsweredAt is not null);
        return new PetitionGroupDto(group.Id, group.Kind.ToString(), group.Status.ToString(), group.RepresentativeTitle, members.Count,
            members.Count(m => m.InstitutionCode == institution), answered,
            group.Kind == PetitionGroupKind.Repeated && answered >= GroupingRules.ClosableAfterAnswers,
            group.CreatedAt, group.UpdatedAt,
            [.. members.Select(m => m.InstitutionCode == institution
                ? new PetitionGroupMemberDto(m.PetitionId, true, m.InstitutionCode, Filer(m), m.FiledAt, m.ReceiptNumber, PersonalDataMask.Text(m.Title), m.Status.ToString(), m.AnsweredAt is not null)
                : new PetitionGroupMemberDto(m.PetitionId, false, m.InstitutionCode, Filer(m), m.FiledAt, null, null, null, m.AnsweredAt is not null))]);
    }

    /// <summary>The filer as every screen shows one: masked, and withheld for a protected reporter.</summary>
    private static string Filer(MemberRow m) => m.IdentityProtected ? "***" : PersonalDataMask.Name(m.FilerName);

    private static async Task<IReadOnlyList<MemberRow>> MembersAsync(IEPeopleDbContext db, Guid[] groupIds, CancellationToken cancellationToken) =>
        [.. (await MembersOfAsync(db, groupIds, cancellationToken)).Select(r => r.Member)];
}
