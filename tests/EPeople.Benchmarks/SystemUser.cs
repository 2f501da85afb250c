using EPeople.Application.Abstractions;

namespace EPeople.Benchmarks;

/// <summary>The benchmark acts as the system (no sign-in involved in engine commands).</summary>
internal sealed class SystemUser : ICurrentUser
{
    public bool IsAuthenticated => false;
    public Guid? Id => null;
    public string Name => "benchmark";
    public Guid? InstitutionId => null;
    public Guid? DepartmentId => null;
    public string? Position => null;
    public string? IpAddress => null;

    public bool IsInRole(string role) => false;
}
