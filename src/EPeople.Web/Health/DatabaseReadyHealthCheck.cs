using EPeople.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EPeople.Web.Health;

/// <summary>Ready = the database answers and every migration this build knows has been applied.</summary>
internal sealed class DatabaseReadyHealthCheck(EPeopleDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database cannot be reached.");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy($"{db.Database.ProviderName}: migrations applied.")
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) pending: run 'dotnet run --project src/EPeople.Web -- migrate'.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database check failed.", ex);
        }
    }
}
