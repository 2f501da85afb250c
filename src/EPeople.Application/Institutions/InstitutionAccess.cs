using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Security;
using EPeople.Domain.Institutions;

namespace EPeople.Application.Institutions;

/// <summary>Data-level rule: a system administrator manages every institution, an institution administrator only their own.</summary>
internal static class InstitutionAccess
{
    public static void EnsureCanManage(this ICurrentUser user, Institution institution)
    {
        if (user.IsInRole(Roles.SystemAdmin))
        {
            return;
        }

        if (user.IsInRole(Roles.InstitutionAdmin) && user.InstitutionId == institution.Id)
        {
            return;
        }

        throw new ForbiddenException($"You may not manage {institution.NameKo}.");
    }
}
