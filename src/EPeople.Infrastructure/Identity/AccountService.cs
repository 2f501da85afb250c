using System.Security.Claims;
using System.Text;
using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Outbox;
using EPeople.Application.Security;
using EPeople.Domain.Institutions;
using EPeople.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Infrastructure.Identity;

internal sealed class AccountService(
    EPeopleDbContext db,
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    TimeProvider clock) : IAccountService
{
    public async Task<Guid> RegisterCitizenAsync(
        string email, string password, string displayName,
        Func<Guid, string, EmailMessage> confirmationEmail, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new ConflictException("An account with this e-mail address already exists.", "DuplicateEmail");
        }

        // The user store saves on its own; one explicit transaction keeps the account and its e-mail together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = displayName };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw PasswordOrNameProblem(created);
        }

        await users.AddToRoleAsync(user, Roles.Citizen);
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        db.EnqueueEmail(confirmationEmail(user.Id, code), $"confirm-email:{user.Id}", clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return user.Id;
    }

    public async Task<bool> ConfirmEmailAsync(Guid userId, string code)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return false;
        }

        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return false;
        }

        return (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }

    public async Task<ClaimsPrincipal?> CheckCredentialsAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return null;
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        return result.Succeeded ? await signIn.CreateUserPrincipalAsync(user) : null;
    }

    public async Task<IReadOnlyList<OfficialAccount>> ListOfficialsAsync(Guid institutionId, CancellationToken cancellationToken) =>
        await Officials()
            .Where(u => u.InstitutionId == institutionId)
            .Select(u => new OfficialAccount(u.Id, u.Email ?? u.UserName ?? "", u.DisplayName, u.InstitutionId!.Value, u.DepartmentId, u.Position))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> StaffEmailsAsync(Guid institutionId, string role, CancellationToken cancellationToken)
    {
        var emails = await (from u in db.Users.AsNoTracking()
                            join ur in db.UserRoles on u.Id equals ur.UserId
                            join r in db.Roles on ur.RoleId equals r.Id
                            where r.Name == role && u.InstitutionId == institutionId && u.Email != null
                            select u.Email!).ToListAsync(cancellationToken);
        return [.. emails.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];
    }

    public async Task<OfficialAccount?> FindOfficialAsync(Guid userId, CancellationToken cancellationToken) =>
        await Officials()
            .Where(u => u.Id == userId && u.InstitutionId != null)
            .Select(u => new OfficialAccount(u.Id, u.Email ?? u.UserName ?? "", u.DisplayName, u.InstitutionId!.Value, u.DepartmentId, u.Position))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task PlaceOfficialAsync(Guid userId, Guid departmentId, Position position, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        user.DepartmentId = departmentId;
        user.Position = position;
        // What UserManager.UpdateSecurityStampAsync does, without its own save: the change and its audit entry commit together.
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        await db.SaveChangesAsync(cancellationToken);
    }

    private IQueryable<ApplicationUser> Officials() =>
        from u in db.Users.AsNoTracking()
        join ur in db.UserRoles on u.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == Roles.Official
        select u;

    private static Exception PasswordOrNameProblem(IdentityResult result)
    {
        if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            return new ConflictException("An account with this e-mail address already exists.", "DuplicateEmail");
        }

        var field = result.Errors.All(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? "password" : "email";
        return new ValidationFailedException(new Dictionary<string, string[]>
        {
            [field] = [.. result.Errors.Select(e => e.Description)],
        });
    }
}
