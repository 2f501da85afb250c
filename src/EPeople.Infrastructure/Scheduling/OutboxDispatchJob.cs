using EPeople.Infrastructure.Outbox;
using Quartz;

namespace EPeople.Infrastructure.Scheduling;

/// <summary>
/// Drains the outbox. Clustered and <see cref="DisallowConcurrentExecutionAttribute"/>: one node at a time
/// runs it. Each run uses its own DI scope (Quartz creates the job per execution).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class OutboxDispatchJob(OutboxDispatcher dispatcher) : IJob
{
    public const int BatchSize = 100;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        // Keep going while full batches come back, so a backlog drains in one run.
        while (await dispatcher.DispatchDueAsync(BatchSize, cancellationToken) == BatchSize)
        {
        }
    }
}
