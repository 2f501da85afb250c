using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace EPeople.Web.Health;

/// <summary>Ready also means the scheduler (timers, outbox) is running in this node.</summary>
internal sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return scheduler.Status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy($"Scheduler {scheduler.SchedulerInstanceId} is running.")
            : HealthCheckResult.Unhealthy("The scheduler is not running.");
    }
}
