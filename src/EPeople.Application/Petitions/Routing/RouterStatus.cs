using EPeople.Application.Abstractions;
using EPeople.Application.Petitions.Routing.Learning;
using EPeople.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Petitions.Routing;

public sealed record RouterModelVersionDto(
    int Version, DateTimeOffset CreatedAt, string Verdict, string Decision, int TrainingCount, int HeldBackCount,
    double? Top1, double? Top3, double? CoverageAt80, double? CoverageAt90, double? IncumbentTop1, double? IncumbentCoverageAt80)
{
    public static RouterModelVersionDto Of(RouterModelVersionRecord v) =>
        new(v.Version, v.CreatedAt, v.Verdict.ToString(), v.Decision, v.TrainingCount, v.HeldBackCount,
            v.Top1, v.Top3, v.CoverageAt80, v.CoverageAt90, v.IncumbentTop1, v.IncumbentCoverageAt80);
}

/// <param name="Model">Where the model in use came from (null: none, rules and the triage desk only).</param>
/// <param name="Problem">Why there is no model, when one was configured but could not be read.</param>
public sealed record RouterStatusDto(string? Model, string? Source, DateTimeOffset? TrainedAt, int? TrainingCount, RouterScore? Evaluation, string? Problem,
    IReadOnlyList<RouterModelVersionDto> Versions);

/// <summary>The router's state for administrators and analysts: the model in use, and every retraining run with its evaluation, newest first.</summary>
[Authorize(Roles = Roles.SystemAdmin + "," + Roles.Analyst)]
public sealed record GetRouterStatusQuery(int Take = 50) : IQuery<RouterStatusDto>;

/// <summary>Retrains the router now instead of waiting for the schedule (system administrators).</summary>
[Authorize(Roles = Roles.SystemAdmin)]
public sealed record RetrainRouterCommand : ICommand<RouterModelVersionDto>;

internal sealed class RouterStatusHandler(IEPeopleDbContext db, RouterModelSource models, RouterRetraining retraining)
    : IQueryHandler<GetRouterStatusQuery, RouterStatusDto>, ICommandHandler<RetrainRouterCommand, RouterModelVersionDto>
{
    public async ValueTask<RouterStatusDto> Handle(GetRouterStatusQuery query, CancellationToken cancellationToken)
    {
        var active = await models.CurrentAsync(cancellationToken);
        // Everything but the model file itself, which can be megabytes per version.
        var rows = await db.RouterModelVersions.AsNoTracking().OrderByDescending(v => v.Version).Take(Math.Clamp(query.Take, 1, 500))
            .Select(v => new RouterModelVersionRecord
            {
                Version = v.Version, CreatedAt = v.CreatedAt, Verdict = v.Verdict, Decision = v.Decision, TrainingCount = v.TrainingCount,
                HeldBackCount = v.HeldBackCount, Top1 = v.Top1, Top3 = v.Top3, CoverageAt80 = v.CoverageAt80, CoverageAt90 = v.CoverageAt90,
                IncumbentTop1 = v.IncumbentTop1, IncumbentCoverageAt80 = v.IncumbentCoverageAt80,
            })
            .ToListAsync(cancellationToken);
        var versions = rows.Select(RouterModelVersionDto.Of).ToList();
        var info = active?.Model.Info;
        return new RouterStatusDto(active?.Origin, info?.Source, info?.TrainedAt, info?.TrainingCount, info?.Evaluation, models.Problem, versions);
    }

    public async ValueTask<RouterModelVersionDto> Handle(RetrainRouterCommand command, CancellationToken cancellationToken)
    {
        return RouterModelVersionDto.Of(await retraining.RunAsync(cancellationToken));
    }
}
