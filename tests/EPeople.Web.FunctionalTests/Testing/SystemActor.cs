using EPeople.Application.Abstractions;

namespace EPeople.Web.FunctionalTests.Testing;

/// <summary>The test itself acting on the database outside any request (starting instances, reading rows).</summary>
internal sealed class SystemActor : ICurrentUser
{
    public bool IsAuthenticated => false;
    public Guid? Id => null;
    public string Name => "test";
    public Guid? InstitutionId => null;
    public Guid? DepartmentId => null;
    public string? Position => null;
    public string? IpAddress => null;

    public bool IsInRole(string role) => false;
}
