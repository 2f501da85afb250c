using EPeople.Application.Abstractions;
using EPeople.Infrastructure.Persistence;

namespace EPeople.Benchmarks;

/// <summary>
/// The benchmark's current user: the system actor unless a benchmark client has taken an official's identity for its
/// own flow of work (an async-local value, so that concurrent clients act as different people).
/// </summary>
internal sealed class ActingUser : ICurrentUser
{
    private static readonly AsyncLocal<Identity?> Current = new();

    public sealed record Identity(Guid Id, string Name, IReadOnlySet<string> Roles, Guid? InstitutionId, Guid? DepartmentId = null, string? Position = "Officer");

    public bool IsAuthenticated => Current.Value is not null;
    public Guid? Id => Current.Value?.Id;
    public string Name => Current.Value?.Name ?? SystemActor.Instance.Name;
    public Guid? InstitutionId => Current.Value?.InstitutionId;
    public Guid? DepartmentId => Current.Value?.DepartmentId;
    public string? Position => Current.Value?.Position;
    public string? IpAddress => Current.Value is null ? null : "192.0.2.20";

    /// <summary>Acts as <paramref name="identity"/> for the rest of the calling flow (null: the system again).</summary>
    /// <param name="identity">Who the calling flow acts as.</param>
    public static void Become(Identity? identity) => Current.Value = identity;

    public bool IsInRole(string role) => Current.Value?.Roles.Contains(role) ?? false;
}
