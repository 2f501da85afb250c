using EPeople.Domain.Institutions;
using Microsoft.AspNetCore.Identity;

namespace EPeople.Infrastructure.Identity;

/// <summary>
/// A person who signs in. Officials (and institution administrators and analysts) belong to an institution;
/// officials also to a department, in a position.
/// </summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    public Guid? InstitutionId { get; set; }
    public Guid? DepartmentId { get; set; }
    public Position? Position { get; set; }
}
