using EPeople.Application.Abstractions;
using EPeople.Domain.Institutions;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Institutions;

internal static class InstitutionProjections
{
    public static InstitutionSummaryDto ToSummary(this Institution i, string? parentCode) =>
        new(i.Id, i.Code, i.NameKo, i.NameEn, i.Kind.ToString(), parentCode, i.RegionCode, i.IsActive, i.IsTriageDesk);

    /// <summary>The details view of a loaded aggregate (departments and service types included).</summary>
    public static async Task<InstitutionDetailsDto> ToDetailsAsync(this IEPeopleDbContext db, Institution i, CancellationToken ct)
    {
        var parent = i.ParentId is { } parentId
            ? await db.Institutions.AsNoTracking().Where(p => p.Id == parentId)
                .Select(p => new { p.Code, p.NameKo, p.NameEn }).SingleOrDefaultAsync(ct)
            : null;
        var childCount = await db.Institutions.CountAsync(c => c.ParentId == i.Id, ct);
        return new InstitutionDetailsDto(
            i.Id, i.Code, i.NameKo, i.NameEn, i.Kind.ToString(),
            parent?.Code, parent?.NameKo, parent?.NameEn,
            i.RegionCode, i.IsActive, i.IsTriageDesk,
            new ContactDto(i.Contact.Phone, i.Contact.Email, i.Contact.Website, i.Contact.Address),
            [.. i.Departments.OrderBy(d => d.NameKo, StringComparer.Ordinal).Select(d => new DepartmentDto(d.Id, d.NameKo, d.NameEn, d.IsActive))],
            [.. i.ServiceTypes.Select(s => s.Kind).Order().Select(k => k.ToString())],
            childCount,
            i.Version);
    }
}
