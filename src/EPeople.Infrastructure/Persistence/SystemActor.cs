using EPeople.Application.Abstractions;

namespace EPeople.Infrastructure.Persistence;

/// <summary>The system itself acting: a unit of work no user was handed to, tools, benchmarks and tests acting outside a request.</summary>
public sealed class SystemActor : ICurrentUser
{
    public static readonly SystemActor Instance = new();

    public bool IsAuthenticated => false;
    public Guid? Id => null;
    public string Name => "system";
    public Guid? InstitutionId => null;
    public Guid? DepartmentId => null;
    public string? Position => null;
    public string? IpAddress => null;

    public bool IsInRole(string role) => false;
}
