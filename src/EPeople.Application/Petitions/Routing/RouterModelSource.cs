using EPeople.Application.Abstractions;
using EPeople.Application.Caching;
using EPeople.Application.Petitions.Routing.Learning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EPeople.Application.Petitions.Routing;

/// <summary>The model the router uses, where it came from, and how its labels become institutions.</summary>
/// <param name="Origin">"version 3" for a promoted retrained model, else the shipped file's name.</param>
/// <param name="Version">The promoted version, or 0 for the shipped file.</param>
public sealed record ActiveRouterModel(RouterModel Model, string Origin, int Version, CategoryInstitutionMap Categories)
{
    /// <summary>The institution a label stands for (null: a category the mapping does not name).</summary>
    public string? InstitutionOf(string label) =>
        Model.Info.LabelKind == RouterLabelKind.Institution ? label : Categories.InstitutionOf(label);
}

/// <summary>
/// Holds the model every routing decision uses: the newest promoted version in the database (so every node of a
/// cluster routes alike, seen within <see cref="Freshness"/> of its promotion), else the shipped model file. A model
/// that is missing or damaged is reported once in the log and through <see cref="Problem"/>, and routing goes on with
/// the rules and the triage desk: a broken file must never stop filing.
/// </summary>
public sealed class RouterModelSource(IServiceScopeFactory scopes, IOptions<RoutingOptions> options, TimeProvider clock, ILogger<RouterModelSource> logger) : IDisposable
{
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);

    private readonly RefreshingSnapshot<State> _state = new(Freshness, clock);
    private volatile string? _problem;

    /// <summary>Why there is no model, when there is none (null when one is loaded or none is configured).</summary>
    public string? Problem => _problem;

    /// <summary>The model in use, or null: rules and the triage desk only.</summary>
    public async ValueTask<ActiveRouterModel?> CurrentAsync(CancellationToken cancellationToken)
    {
        var state = await _state.GetAsync(LoadAsync, cancellationToken);
        _problem = state.Problem;
        return state.Active;
    }

    /// <summary>Forgets the loaded model: the next decision looks for the newest promoted version again.</summary>
    public void Invalidate() => _state.Invalidate();

    public void Dispose() => _state.Dispose();

    private async Task<State> LoadAsync(State? previous, CancellationToken cancellationToken)
    {
        int newest;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IEPeopleDbContext>();
            newest = await db.RouterModelVersions.Where(v => v.Verdict == RouterModelVerdict.Promoted)
                .MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0;
            // Unchanged: keep what was loaded (or the reason nothing was; a broken file is not re-read every minute).
            if (previous is not null && previous.Version == newest)
            {
                return previous;
            }

            if (newest > 0)
            {
                var bytes = await db.RouterModelVersions.Where(v => v.Version == newest).Select(v => v.Model).SingleAsync(cancellationToken);
                try
                {
                    using var stream = new MemoryStream(bytes ?? []);
                    var model = RouterModelFile.Load(stream, $"router model version {newest}");
                    return new State(new ActiveRouterModel(model, $"version {newest}", newest, Categories(model)), newest, Problem: null);
                }
                catch (RouterModelException ex)
                {
                    logger.LogError(ex, "Router model version {Version} cannot be read; falling back to the shipped model", newest);
                }
            }
        }

        var path = options.Value.ModelPath;
        if (string.IsNullOrEmpty(path))
        {
            return new State(null, newest, Problem: null);
        }

        try
        {
            var model = RouterModelFile.Load(path);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Router model {Path} loaded: {Terms} terms, {Labels} labels, trained {TrainedAt:yyyy-MM-dd} on {Count} petitions",
                    path, model.Classifier.TermCount, model.Classifier.Labels.Count, model.Info.TrainedAt, model.Info.TrainingCount);
            }

            return new State(new ActiveRouterModel(model, Path.GetFileName(path), 0, Categories(model)), newest, Problem: null);
        }
        catch (RouterModelException ex)
        {
            logger.LogError("{Problem} Petitions are routed by the rules alone; the rest go to the triage desk.", ex.Message);
            return new State(null, newest, ex.Message);
        }
    }

    /// <summary>Only a category model needs the mapping (a missing mapping then leaves it unusable, reported like a missing model).</summary>
    private CategoryInstitutionMap Categories(RouterModel model) =>
        model.Info.LabelKind == RouterLabelKind.Category ? CategoryInstitutionMap.Load(options.Value.CategoryMapPath) : CategoryInstitutionMap.Empty;

    /// <param name="Version">The newest promoted version when this was decided (0: none).</param>
    private sealed record State(ActiveRouterModel? Active, int Version, string? Problem);
}
