using EPeople.Application.Petitions;
using Quartz;

namespace EPeople.Infrastructure.Scheduling;

/// <summary>Closes petitions whose supplement is overdue; clustered, one node at a time.</summary>
[DisallowConcurrentExecution]
internal sealed class SupplementDeadlineJob(SupplementDeadlines deadlines) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        while (await deadlines.CloseOverdueAsync(50, cancellationToken) == 50)
        {
        }
    }
}
