namespace EPeople.Application.Institutions;

public sealed record InstitutionSummaryDto(
    Guid Id,
    string Code,
    string NameKo,
    string NameEn,
    string Kind,
    string? ParentCode,
    string? RegionCode,
    bool IsActive,
    bool IsTriageDesk);

public sealed record InstitutionPage(IReadOnlyList<InstitutionSummaryDto> Items, string? Next);

public sealed record ContactDto(string? Phone, string? Email, string? Website, string? Address);

public sealed record DepartmentDto(Guid Id, string NameKo, string NameEn, bool IsActive);

public sealed record InstitutionDetailsDto(
    Guid Id,
    string Code,
    string NameKo,
    string NameEn,
    string Kind,
    string? ParentCode,
    string? ParentNameKo,
    string? ParentNameEn,
    string? RegionCode,
    bool IsActive,
    bool IsTriageDesk,
    ContactDto Contact,
    IReadOnlyList<DepartmentDto> Departments,
    IReadOnlyList<string> ServiceTypes,
    int ChildCount,
    long Version);
