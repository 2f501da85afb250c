namespace EPeople.Application.Institutions;

/// <summary>The editable details shared by creating and updating an institution.</summary>
public interface IInstitutionDetails
{
    string? NameKo { get; }
    string? NameEn { get; }
    string? Kind { get; }
    string? ParentCode { get; }
    string? RegionCode { get; }
    ContactDto? Contact { get; }
}
