using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Domain.Institutions;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Institutions;

internal static class InstitutionLookups
{
    /// <summary>Loads an institution with its departments, service types and intake rules, or fails with 404.</summary>
    public static async Task<Institution> LoadAggregateAsync(this IEPeopleDbContext db, string code, CancellationToken ct) =>
        await db.Institutions
            .Include(i => i.Departments)
            .Include(i => i.ServiceTypes)
            .Include(i => i.IntakeRules)
            .SingleOrDefaultAsync(i => i.Code == code, ct)
        ?? throw new NotFoundException("Institution", code);

    /// <summary>The ids of an institution's ancestors, nearest first (bounded, in case stored data already loops).</summary>
    public static async Task<IReadOnlyList<Guid>> AncestorsOfAsync(this IEPeopleDbContext db, Institution institution, CancellationToken ct)
    {
        var ancestors = new List<Guid>();
        var next = institution.ParentId;
        while (next is { } id && ancestors.Count < 64 && !ancestors.Contains(id))
        {
            ancestors.Add(id);
            next = await db.Institutions.Where(i => i.Id == id).Select(i => i.ParentId).SingleOrDefaultAsync(ct);
        }

        return ancestors;
    }
}
