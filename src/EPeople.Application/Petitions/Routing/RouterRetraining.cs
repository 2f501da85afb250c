using System.Globalization;
using EPeople.Application.Abstractions;
using EPeople.Application.Petitions.Routing.Learning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EPeople.Application.Petitions.Routing;

/// <summary>
/// Retrains the router from the system's own answered petitions, labelled by the institution that finally answered.
/// The newest <see cref="RoutingOptions.HeldBackShare"/> of the history is held back: a candidate trained on the rest
/// and the model in use are both scored on it, and the candidate is promoted only when it is not worse — top-1 and
/// the share routable at 80 % precision both at least the incumbent's. A promoted candidate is then trained once more
/// on all the history (the newest petitions say most about the next ones) and stored as the new version; every run is
/// recorded with its evaluation and verdict.
/// </summary>
public sealed class RouterRetraining(IServiceScopeFactory scopes, RouterModelSource models, IOptions<RoutingOptions> options, TimeProvider clock, ILogger<RouterRetraining> logger)
{
    public async Task<RouterModelVersionRecord> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        List<AnsweredPetition> history;
        int version;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IEPeopleDbContext>();
            history = await RouterHistory.LoadAsync(db, now.AddDays(-settings.HistoryDays), cancellationToken);
            version = (await db.RouterModelVersions.MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0) + 1;
        }

        var record = new RouterModelVersionRecord { Version = version, CreatedAt = now, TrainingCount = history.Count };
        var institutions = history.Select(h => h.Institution).Distinct(StringComparer.Ordinal).Count();
        var held = (int)Math.Round(history.Count * settings.HeldBackShare);
        if (history.Count < settings.MinimumHistory || institutions < 2 || held < 1)
        {
            record.Verdict = RouterModelVerdict.Skipped;
            record.Decision = $"{history.Count} answered petitions to {institutions} institution(s) in the last {settings.HistoryDays} days; retraining needs {settings.MinimumHistory} to at least two.";
            return await SaveAsync(record, cancellationToken);
        }

        var learnFrom = history[..^held];
        var heldBack = history[^held..];
        record.HeldBackCount = heldBack.Count;
        var candidate = PetitionClassifierTrainer.Train([.. learnFrom.Select(h => h.Example(readsBody: true))], new ClassifierTrainingOptions());
        var score = RouterScore.Of(ClassifierEvaluator.Evaluate(candidate, [.. heldBack.Select(h => h.Example(readsBody: true))]));
        (record.Top1, record.Top3, record.CoverageAt80, record.CoverageAt90) = (score.Top1, score.Top3, score.CoverageAt80, score.CoverageAt90);

        var incumbent = await models.CurrentAsync(cancellationToken);
        RouterScore? incumbentScore = null;
        if (incumbent is not null)
        {
            // The model in use is judged on the same petitions, in institutions (a category model through its mapping).
            incumbentScore = RouterScore.Of(ClassifierEvaluator.Evaluate(incumbent.Model.Classifier,
                [.. heldBack.Select(h => h.Example(incumbent.Model.Info.ReadsBody))], label => incumbent.InstitutionOf(label) ?? label));
            (record.IncumbentTop1, record.IncumbentCoverageAt80) = (incumbentScore.Top1, incumbentScore.CoverageAt80);
        }

        if (incumbentScore is not null && (score.Top1 < incumbentScore.Top1 || score.CoverageAt80 < incumbentScore.CoverageAt80))
        {
            record.Verdict = RouterModelVerdict.Rejected;
            record.Decision = Invariant($"Worse than {incumbent!.Origin} on the newest {heldBack.Count} answered petitions: top-1 {score.Top1:P1} against {incumbentScore.Top1:P1}, at 80 % precision {score.CoverageAt80:P1} against {incumbentScore.CoverageAt80:P1}.");
            return await SaveAsync(record, cancellationToken);
        }

        var final = PetitionClassifierTrainer.Train([.. history.Select(h => h.Example(readsBody: true))], new ClassifierTrainingOptions());
        var model = new RouterModel(final, new RouterModelInfo(RouterLabelKind.Institution, ReadsBody: true, now, history.Count, history[^1].Filed,
            $"EPeople answered petitions, version {version}", score));
        using (var stream = new MemoryStream())
        {
            RouterModelFile.Save(model, stream);
            record.Model = stream.ToArray();
        }

        record.Verdict = RouterModelVerdict.Promoted;
        record.Decision = incumbentScore is null
            ? Invariant($"No model was in use; scored top-1 {score.Top1:P1} on the newest {heldBack.Count} answered petitions.")
            : Invariant($"Not worse than {incumbent!.Origin} on the newest {heldBack.Count} answered petitions: top-1 {score.Top1:P1} against {incumbentScore.Top1:P1}, at 80 % precision {score.CoverageAt80:P1} against {incumbentScore.CoverageAt80:P1}.");
        await SaveAsync(record, cancellationToken);
        models.Invalidate();
        return record;
    }

    private async Task<RouterModelVersionRecord> SaveAsync(RouterModelVersionRecord record, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IEPeopleDbContext>();
        db.RouterModelVersions.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Router retraining, version {Version}: {Verdict}. {Decision}", record.Version, record.Verdict, record.Decision);
        }

        return record;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
