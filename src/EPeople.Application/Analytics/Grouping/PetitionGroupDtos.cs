namespace EPeople.Application.Analytics.Grouping;

/// <summary>A group as an official of one institution sees it: every member counted, filers masked, details only for the members it holds.</summary>
public sealed record PetitionGroupDto(
    Guid Id, string Kind, string Status, string RepresentativeTitle, int MemberCount, int HeldMemberCount, int AnsweredCount,
    bool ClosableUnderArt23, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<PetitionGroupMemberDto> Members);

/// <summary>
/// A member petition. The filer's name is masked (withheld for a protected reporter); receipt, title and status are
/// given only when <see cref="HeldByYou"/> (another institution's case shows only where it is).
/// </summary>
public sealed record PetitionGroupMemberDto(
    Guid PetitionId, bool HeldByYou, string InstitutionCode, string Filer, DateTimeOffset FiledAt, string? ReceiptNumber, string? Title, string? Status, bool Answered);

public sealed record PetitionGroupSummaryDto(
    Guid Id, string Kind, string Status, string RepresentativeTitle, int MemberCount, DateTimeOffset UpdatedAt);

public sealed record PetitionGroupPage(IReadOnlyList<PetitionGroupSummaryDto> Items, string? Next);

/// <summary>What answering a group did: members answered now, answered before with this operation id (a replay), skipped (closed or answered otherwise).</summary>
public sealed record GroupAnsweredDto(Guid GroupId, IReadOnlyList<Guid> Answered, IReadOnlyList<Guid> Replayed, IReadOnlyList<Guid> Skipped);

public sealed record PetitionGroupRecomputedDto(int Petitions, int Groups);
