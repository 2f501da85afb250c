using EPeople.Application.Abstractions;

namespace EPeople.Application.FunctionalTests.Testing;

/// <summary>
/// Who the tests act as; set through <see cref="TestApp"/>'s RunAs methods. Concurrent tests give each of their tasks its
/// own identity with <see cref="SetForThisFlow"/>, which the shared one does not see.
/// </summary>
public sealed class TestCurrentUser : ICurrentUser
{
    private readonly AsyncLocal<Identity?> _flow = new();
    private Identity _shared = Identity.Anonymous;

    private Identity Current => _flow.Value ?? _shared;

    public bool IsAuthenticated => Id is not null;
    public Guid? Id => Current.Id;
    public string Name => Current.Name;
    public Guid? InstitutionId => Current.InstitutionId;
    public Guid? DepartmentId => Current.DepartmentId;
    public string? Position => Current.Position;
    public string? IpAddress => "192.0.2.10";

    public bool IsInRole(string role) => Current.Roles.Contains(role);

    public void Set(string name, IEnumerable<string> roles, Guid? institutionId = null, Guid? departmentId = null, string? position = null, Guid? id = null) =>
        _shared = new Identity(id ?? Guid.NewGuid(), name, [.. roles], institutionId, departmentId, position);

    /// <summary>Acts as this user in the calling async flow only (a task of a concurrent test); set it inside the task.</summary>
    public void SetForThisFlow(string name, IEnumerable<string> roles, Guid? id = null) =>
        _flow.Value = new Identity(id ?? Guid.NewGuid(), name, [.. roles], null, null, null);

    public void SignOut() => _shared = Identity.Anonymous;

    private sealed record Identity(Guid? Id, string Name, HashSet<string> Roles, Guid? InstitutionId, Guid? DepartmentId, string? Position)
    {
        public static readonly Identity Anonymous = new(null, "anonymous", [], null, null, null);
    }
}
