using EPeople.Application.Abstractions;

namespace EPeople.Application.FunctionalTests.Testing;

/// <summary>Who the tests act as; set through <see cref="TestApp"/>'s RunAs methods.</summary>
public sealed class TestCurrentUser : ICurrentUser
{
    private HashSet<string> _roles = [];

    public bool IsAuthenticated => Id is not null;
    public Guid? Id { get; private set; }
    public string Name { get; private set; } = "anonymous";
    public Guid? InstitutionId { get; private set; }
    public Guid? DepartmentId { get; private set; }
    public string? Position { get; private set; }
    public string? IpAddress => "192.0.2.10";

    public bool IsInRole(string role) => _roles.Contains(role);

    public void Set(string name, IEnumerable<string> roles, Guid? institutionId = null, Guid? departmentId = null, string? position = null, Guid? id = null)
    {
        Position = position;
        Id = id ?? Guid.NewGuid();
        Name = name;
        _roles = [.. roles];
        InstitutionId = institutionId;
        DepartmentId = departmentId;
    }

    public void SignOut()
    {
        Id = null;
        Name = "anonymous";
        _roles = [];
        InstitutionId = DepartmentId = null;
        Position = null;
    }
}
