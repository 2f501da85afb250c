using EPeople.Application.Analytics;
using Quartz;

namespace EPeople.Infrastructure.Scheduling;

/// <summary>
/// Refreshes the daily counts over the newest petitions (Analytics:IncrementalCron, every 15 minutes by default), then
/// runs the analyses hooked after them (<see cref="IAfterDailyCountsStep"/>); clustered, one node at a time.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class AnalyticsIncrementalJob(AnalyticsRefresh refresh) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await refresh.RunIncrementalAsync(cancellationToken);
}
