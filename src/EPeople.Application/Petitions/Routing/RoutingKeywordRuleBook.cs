using EPeople.Application.Abstractions;
using EPeople.Application.Caching;
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

    private readonly RefreshingSnapshot<IReadOnlyList<(RoutingKeywordRule Rule, string Compact)>> _rules = new(Freshness, clock);

    /// <summary>The rule this petition matches, or null. Spacing and case are ignored: 미세 먼지 matches 미세먼지.</summary>
    public async ValueTask<RoutingKeywordRule?> MatchAsync(PetitionKind kind, string title, string body, CancellationToken cancellationToken)
    {
        var rules = await _rules.GetAsync(LoadAsync, cancellationToken);
        if (rules.Count == 0)
        {
            return null;
        }

        var text = Compact($"{title} {body}");
        return rules.FirstOrDefault(r => (r.Rule.Kind is null || r.Rule.Kind == kind) && text.Contains(r.Compact, StringComparison.Ordinal)).Rule;
    }

    public void Invalidate() => _rules.Invalidate();

    public void Dispose() => _rules.Dispose();

    /// <summary>The text as keywords are matched against it: normalised, without spaces.</summary>
    public static string Compact(string text) => PetitionTerms.Normalize(text).Replace(" ", "", StringComparison.Ordinal);

    private async Task<IReadOnlyList<(RoutingKeywordRule Rule, string Compact)>> LoadAsync(
        IReadOnlyList<(RoutingKeywordRule Rule, string Compact)>? previous, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var rules = await scope.ServiceProvider.GetRequiredService<IEPeopleDbContext>().RoutingKeywordRules.AsNoTracking().ToListAsync(cancellationToken);
        return
        [
            .. rules.Select(r => (Rule: r, Compact: Compact(r.Keyword))).Where(r => r.Compact.Length > 0)
                .OrderByDescending(r => r.Compact.Length).ThenBy(r => r.Compact, StringComparer.Ordinal).ThenBy(r => r.Rule.Kind is null),
        ];
    }
}
