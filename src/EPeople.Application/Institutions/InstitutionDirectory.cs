using EPeople.Application.Abstractions;
using EPeople.Application.Caching;
using EPeople.Domain.Institutions;
using EPeople.Domain.Petitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EPeople.Application.Institutions;

/// <summary>
/// The institutions directory as filing, routing, transfers and notices read it: every institution with its service
/// types, departments and intake rules, loaded in one query and kept for <see cref="Freshness"/>. Filing asked the
/// database five times per petition for the same few rows; now it asks memory. Any change to an institution saved
/// through this process drops the snapshot at once (see the persistence interceptor); another node's change is seen
/// within <see cref="Freshness"/>. The entities are detached and must not be changed.
/// </summary>
public sealed class InstitutionDirectory(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    /// <summary>How long a snapshot serves before it is read again.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    private readonly RefreshingSnapshot<Snapshot> _snapshot = new(Freshness, clock);

    /// <summary>The institutions by code (active or not).</summary>
    public async ValueTask<IReadOnlyDictionary<string, Institution>> ByCodeAsync(CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken)).ByCode;

    /// <summary>The active institution with this code, or null.</summary>
    public async ValueTask<Institution?> ActiveAsync(string code, CancellationToken cancellationToken) =>
        (await ByCodeAsync(cancellationToken)).TryGetValue(code, out var institution) && institution.IsActive ? institution : null;

    /// <summary>The central distribution office's code (null when none is configured).</summary>
    public async ValueTask<string?> TriageDeskAsync(CancellationToken cancellationToken) => (await CurrentAsync(cancellationToken)).TriageDesk;

    /// <summary>The name to show, in Korean or English (the code itself for an unknown institution).</summary>
    public async ValueTask<string> NameAsync(string code, bool english, CancellationToken cancellationToken) =>
        (await ByCodeAsync(cancellationToken)).TryGetValue(code, out var i) ? english ? i.NameEn : i.NameKo : code;

    /// <summary>The department an institution's intake rules give a petition of this kind (null: the whole institution).</summary>
    public async ValueTask<string?> IntakeDepartmentAsync(string code, PetitionKind kind, PetitionSubtype? subtype, CancellationToken cancellationToken) =>
        (await ByCodeAsync(cancellationToken)).TryGetValue(code, out var i) && i.IntakeRules.Count > 0 ? i.IntakeDepartment(kind, subtype)?.NameKo : null;

    /// <summary>An institution by its id (an official's claim carries the id), or null.</summary>
    public async ValueTask<Institution?> ByIdAsync(Guid id, CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken)).ById.GetValueOrDefault(id);

    /// <summary>Drops the snapshot: the next read loads the directory again.</summary>
    public void Invalidate() => _snapshot.Invalidate();

    private ValueTask<Snapshot> CurrentAsync(CancellationToken cancellationToken) => _snapshot.GetAsync(LoadAsync, cancellationToken);

    private async Task<Snapshot> LoadAsync(Snapshot? previous, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var institutions = await scope.ServiceProvider.GetRequiredService<IEPeopleDbContext>().Institutions.AsNoTracking()
            .Include(i => i.ServiceTypes).Include(i => i.Departments).Include(i => i.IntakeRules)
            .ToListAsync(cancellationToken);
        return new Snapshot(
            institutions.ToDictionary(i => i.Code, StringComparer.Ordinal),
            institutions.ToDictionary(i => i.Id),
            institutions.Where(i => i.IsTriageDesk).OrderBy(i => i.Code).Select(i => i.Code).FirstOrDefault());
    }

    public void Dispose() => _snapshot.Dispose();

    private sealed record Snapshot(IReadOnlyDictionary<string, Institution> ByCode, IReadOnlyDictionary<Guid, Institution> ById, string? TriageDesk);
}
