using EPeople.Application.Abstractions;
using EPeople.Application.Petitions.Routing.Learning;
using EPeople.Domain.Petitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EPeople.Application.Petitions.Routing;

/// <summary>
/// The administrators' keyword rules as routing reads them: loaded once and kept for <see cref="Freshness"/> (a change
/// saved through this process drops them at once), longest keyword first so the most specific rule wins.
/// </summary>
public sealed class RoutingKeywordRuleBook(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Snapshot? _snapshot;

    /// <summary>The rule this petition matches, or null. Spacing and case are ignored: 미세 먼지 matches 미세먼지.</summary>
    public async ValueTask<RoutingKeywordRule?> MatchAsync(PetitionKind kind, string title, string body, CancellationToken cancellationToken)
    {
        var rules = (await CurrentAsync(cancellationToken)).Rules;
        if (rules.Count == 0)
        {
            return null;
        }

        var text = Compact($"{title} {body}");
        return rules.FirstOrDefault(r => (r.Rule.Kind is null || r.Rule.Kind == kind) && text.Contains(r.Compact, StringComparison.Ordinal)).Rule;
    }

    public void Invalidate() => _snapshot = null;

    public void Dispose() => _loading.Dispose();

    /// <summary>The text as keywords are matched against it: normalised, without spaces.</summary>
    public static string Compact(string text) => PetitionTerms.Normalize(text).Replace(" ", "", StringComparison.Ordinal);

    private async ValueTask<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_snapshot is { } current && now - current.LoadedAt < Freshness)
        {
            return current;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } loaded && now - loaded.LoadedAt < Freshness)
            {
                return loaded;
            }

            await using var scope = scopes.CreateAsyncScope();
            var rules = await scope.ServiceProvider.GetRequiredService<IEPeopleDbContext>().RoutingKeywordRules.AsNoTracking().ToListAsync(cancellationToken);
            var snapshot = new Snapshot(
                [.. rules.Select(r => (Rule: r, Compact: Compact(r.Keyword))).Where(r => r.Compact.Length > 0)
                    .OrderByDescending(r => r.Compact.Length).ThenBy(r => r.Compact, StringComparer.Ordinal).ThenBy(r => r.Rule.Kind is null)],
                now);
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    private sealed record Snapshot(IReadOnlyList<(RoutingKeywordRule Rule, string Compact)> Rules, DateTimeOffset LoadedAt);
}
