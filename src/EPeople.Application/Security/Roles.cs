namespace EPeople.Application.Security;

/// <summary>Identity roles are permissions; work is assigned through the organisation, not through roles.</summary>
public static class Roles
{
    public const string Citizen = nameof(Citizen);
    public const string Official = nameof(Official);
    public const string InstitutionAdmin = nameof(InstitutionAdmin);
    public const string Analyst = nameof(Analyst);
    public const string SystemAdmin = nameof(SystemAdmin);

    public static readonly IReadOnlyList<string> All = [Citizen, Official, InstitutionAdmin, Analyst, SystemAdmin];
}
