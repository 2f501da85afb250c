using EPeople.Application.Petitions.Routing;
using Quartz;

namespace EPeople.Infrastructure.Scheduling;

/// <summary>Retrains the router from the answered history on its schedule (Routing:RetrainCron); clustered, one node at a time.</summary>
[DisallowConcurrentExecution]
internal sealed class RouterRetrainingJob(RouterRetraining retraining) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await retraining.RunAsync(cancellationToken);
}
