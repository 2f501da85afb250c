using System.Security.Claims;
using EPeople.Application.Outbox;

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
}
