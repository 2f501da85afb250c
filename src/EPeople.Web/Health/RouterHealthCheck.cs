using EPeople.Application.Petitions.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EPeople.Web.Health;

/// <summary>
/// Ready also means the router's model is loaded (the first petition then routes without waiting for it). A model
/// that cannot be read leaves the node degraded, not down: filing goes on with the rules and the triage desk.
/// </summary>
internal sealed class RouterHealthCheck(RouterModelSource models) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var active = await models.CurrentAsync(cancellationToken);
        return active is not null
            ? HealthCheckResult.Healthy($"Routing with {active.Origin}.")
            : models.Problem is { } problem
                ? HealthCheckResult.Degraded($"Routing by the rules and the triage desk only: {problem}")
                : HealthCheckResult.Healthy("No router model is configured: routing by the rules and the triage desk.");
    }
}
