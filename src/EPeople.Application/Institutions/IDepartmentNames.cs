namespace EPeople.Application.Institutions;

/// <summary>A department's names, shared by adding and renaming one.</summary>
public interface IDepartmentNames
{
    string? NameKo { get; }
    string? NameEn { get; }
}
