using System.Security.Claims;
using EPeople.Application.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EPeople.Infrastructure.Identity;

/// <summary>Adds the organisation claims (institution, department, position, display name) to every sign-in.</summary>
internal sealed class EPeopleClaimsPrincipalFactory(
    UserManager<ApplicationUser> users, RoleManager<ApplicationRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, ApplicationRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(UserClaimTypes.DisplayName, user.DisplayName));
        if (user.InstitutionId is { } institution)
        {
            identity.AddClaim(new Claim(UserClaimTypes.InstitutionId, institution.ToString()));
        }

        if (user.DepartmentId is { } department)
        {
            identity.AddClaim(new Claim(UserClaimTypes.DepartmentId, department.ToString()));
        }

        if (user.Position is { } position)
        {
            identity.AddClaim(new Claim(UserClaimTypes.Position, position.ToString()));
        }

        return identity;
    }
}
