using EPeople.Domain.Institutions;
using EPeople.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace EPeople.Application.FunctionalTests.Testing;

/// <summary>Real Identity accounts for the tests that read or change officials (the organisation screens).</summary>
public static class TestAccounts
{
    public static async Task<Guid> CreateAccountAsync(
        this TestApp app, string email, string role, string? institutionCode = null, Guid? departmentId = null, Position? position = null,
        string? displayName = null)
    {
        Guid? institutionId = institutionCode is null ? null : await app.InstitutionIdAsync(institutionCode);
        return await app.ExecuteAsync<UserManager<ApplicationUser>, Guid>(async users =>
        {
            var user = new ApplicationUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = displayName ?? email[..email.IndexOf('@', StringComparison.Ordinal)],
                InstitutionId = institutionId,
                DepartmentId = departmentId,
                Position = position,
            };
            var created = await users.CreateAsync(user, "Test-2026!password");
            created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
            (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
            return user.Id;
        });
    }
}
