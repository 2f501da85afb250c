namespace EPeople.Application.Abstractions;

/// <summary>Who is sending the current command, whether from the HTTP API or a Blazor circuit.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }
    Guid? Id { get; }

    /// <summary>The account name (e-mail) for logs and the audit trail; "anonymous" or "system" otherwise.</summary>
    string Name { get; }

    /// <summary>The institution an official, institution administrator or analyst belongs to.</summary>
    Guid? InstitutionId { get; }

    Guid? DepartmentId { get; }

    /// <summary>An official's position (Officer or DepartmentHead).</summary>
    string? Position { get; }

    /// <summary>The client address the request came from, for audit and access logs.</summary>
    string? IpAddress { get; }

    bool IsInRole(string role);
}
