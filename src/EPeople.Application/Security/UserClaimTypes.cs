namespace EPeople.Application.Security;

/// <summary>Claims EPeople adds to a signed-in principal (cookie and bearer token alike).</summary>
public static class UserClaimTypes
{
    public const string InstitutionId = "epeople:institution";
    public const string DepartmentId = "epeople:department";
    public const string Position = "epeople:position";
    public const string DisplayName = "epeople:display_name";
}
