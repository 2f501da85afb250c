namespace EPeople.Infrastructure.Seeding;

/// <summary>One entry of samples/demo-users.json.</summary>
internal sealed record DemoUser(
    string Email,
    string Password,
    string Role,
    string? InstitutionCode,
    string? DisplayName = null,
    string? DepartmentKo = null,
    string? DepartmentEn = null,
    string? Position = null);
