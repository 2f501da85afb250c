using EPeople.Application.Workflows;
using EPeople.Infrastructure.Workflows;
using Quartz;

namespace EPeople.Infrastructure.Scheduling;

/// <summary>The clustered job that runs the <see cref="TimerPump"/> every second; one node at a time.</summary>
[DisallowConcurrentExecution]
internal sealed class TimerPumpJob(TimerPump pump) : IJob
{
    public const int BatchSize = 200;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        while (await pump.RunOnceAsync(BatchSize, cancellationToken) == BatchSize)
        {
        }
    }
}
