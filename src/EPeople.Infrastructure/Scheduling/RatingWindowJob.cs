using EPeople.Application.Petitions;
using Quartz;

namespace EPeople.Infrastructure.Scheduling;

/// <summary>Finishes answered petitions nobody rated within the rating window; clustered, one node at a time.</summary>
[DisallowConcurrentExecution]
internal sealed class RatingWindowJob(RatingWindows windows) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        while (await windows.FinishUnratedAsync(200, cancellationToken) == 200)
        {
        }
    }
}
