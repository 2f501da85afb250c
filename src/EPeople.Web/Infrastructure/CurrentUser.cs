using System.Security.Claims;
using EPeople.Application.Abstractions;
using EPeople.Application.Security;

namespace EPeople.Web.Infrastructure;

/// <summary>
/// The sender of the current command. In an HTTP request it is the request's user; in a Blazor circuit the
/// <see cref="ScopedSender"/> hands over the circuit's user and address, because there is no HttpContext there.
/// </summary>
internal sealed class CurrentUser(IHttpContextAccessor httpContextAccessor) : ICurrentUser
{
    private ClaimsPrincipal? _principal;
    private string? _ipAddress;

    private ClaimsPrincipal Principal =>
        _principal ?? httpContextAccessor.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public Guid? Id => ParseGuid(ClaimTypes.NameIdentifier);

    /// <summary>The account name; "anonymous" in a request without sign-in; "system" outside any request (start-up seeding, scheduled jobs).</summary>
    public string Name => IsAuthenticated
        ? Principal.Identity?.Name ?? "unknown"
        : _principal is null && httpContextAccessor.HttpContext is null ? "system" : "anonymous";

    public Guid? InstitutionId => ParseGuid(UserClaimTypes.InstitutionId);

    public Guid? DepartmentId => ParseGuid(UserClaimTypes.DepartmentId);

    public string? Position => IsAuthenticated ? Principal.FindFirstValue(UserClaimTypes.Position) : null;

    public string? IpAddress => _ipAddress ?? httpContextAccessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public bool IsInRole(string role) => Principal.IsInRole(role);

    /// <summary>Used by <see cref="ScopedSender"/> to act for a circuit's user.</summary>
    public void ActAs(ClaimsPrincipal principal, string? ipAddress)
    {
        _principal = principal;
        _ipAddress = ipAddress;
    }

    private Guid? ParseGuid(string claimType) =>
        IsAuthenticated && Guid.TryParse(Principal.FindFirstValue(claimType), out var id) ? id : null;
}
