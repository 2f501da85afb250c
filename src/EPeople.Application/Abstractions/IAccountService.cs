using System.Security.Claims;
using EPeople.Application.Outbox;
using EPeople.Domain.Institutions;

namespace EPeople.Application.Abstractions;

/// <summary>The identity store as the use cases need it (implemented on ASP.NET Core Identity).</summary>
public interface IAccountService
{
    /// <summary>
    /// Creates an unconfirmed citizen account and, in the same transaction, puts the confirmation e-mail
    /// built by <paramref name="confirmationEmail"/> (user id, confirmation code) into the outbox.
    /// </summary>
    Task<Guid> RegisterCitizenAsync(
        string email, string password, string displayName,
        Func<Guid, string, EmailMessage> confirmationEmail, CancellationToken cancellationToken);

    /// <summary>Confirms an e-mail address; false when the user or the code is unknown or expired.</summary>
    Task<bool> ConfirmEmailAsync(Guid userId, string code);

    /// <summary>The signed-in principal for these credentials, or null (wrong password, unconfirmed, locked out).</summary>
    Task<ClaimsPrincipal?> CheckCredentialsAsync(string email, string password);

    /// <summary>The accounts in the Official role that belong to an institution (one query, no paging: an institution's staff).</summary>
    Task<IReadOnlyList<OfficialAccount>> ListOfficialsAsync(Guid institutionId, CancellationToken cancellationToken);

    /// <summary>The e-mail addresses of the accounts in <paramref name="role"/> that belong to an institution, ordinal order.</summary>
    Task<IReadOnlyList<string>> StaffEmailsAsync(Guid institutionId, string role, CancellationToken cancellationToken);

    /// <summary>An account in the Official role, or null (unknown, or not an official).</summary>
    Task<OfficialAccount?> FindOfficialAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>
    /// Moves an official to a department and position and renews their security stamp (so a signed-in session picks up the
    /// new claims when it is next validated), then saves the unit of work with whatever else the command added to it
    /// (its audit entry): one transaction.
    /// </summary>
    Task PlaceOfficialAsync(Guid userId, Guid departmentId, Position position, CancellationToken cancellationToken);
}

/// <summary>An official's account as the organisation screens need it: who, and where they work.</summary>
public sealed record OfficialAccount(Guid Id, string Email, string DisplayName, Guid InstitutionId, Guid? DepartmentId, Position? Position);
