using EPeople.Infrastructure.Persistence;
using EPeople.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EPeople.Infrastructure.Workflows;

/// <summary>
/// Fires due timers (ENGINE.md §4.8): claims due rows — and rows whose claim expired because their node died — with
/// a conditional update per row (only one node can win a row), then runs <see cref="FireTimerCommand"/> for each in its
/// own scope. The command's operation id is the timer id, so a doubled firing is a no-op; a timer whose wait is
/// already gone is deleted.
/// </summary>
public sealed partial class TimerPump(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TimerPump> logger)
{
    /// <summary>How long a claim holds before another node may take the timer over.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(30);

    /// <summary>How many timers of different instances are fired at once.</summary>
    public const int FiringParallelism = 8;

    /// <summary>This node's name in claims.</summary>
    public string Node { get; } = NodeName();

    /// <summary>Claims and fires up to <paramref name="batchSize"/> due timers; returns how many were claimed.</summary>
    public async Task<int> RunOnceAsync(int batchSize, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claimed = new List<(string Id, Guid InstanceId)>();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EPeopleDbContext>();
            var candidates = await db.WorkflowTimers.AsNoTracking()
                .Where(t => (t.Status == "Pending" && t.FireAt <= now) || (t.Status == "Claimed" && t.ClaimedUntil < now))
                .OrderBy(t => t.FireAt)
                .Take(batchSize)
                .Select(t => new { t.Id, t.InstanceId, t.Status, t.ClaimedBy })
                .ToListAsync(cancellationToken);
            var until = now + ClaimLease;
            foreach (var candidate in candidates)
            {
                var won = await db.WorkflowTimers
                    .Where(t => t.Id == candidate.Id && t.Status == candidate.Status && t.ClaimedBy == candidate.ClaimedBy)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(t => t.Status, "Claimed")
                        .SetProperty(t => t.ClaimedBy, Node)
                        .SetProperty(t => t.ClaimedUntil, until), cancellationToken);
                if (won == 1)
                {
                    claimed.Add((candidate.Id, candidate.InstanceId));
                }
            }
        }

        // Timers of different instances are independent commands; timers of one instance would only conflict and
        // retry, so each instance's timers are fired in order by one worker.
        await Parallel.ForEachAsync(
            claimed.GroupBy(c => c.InstanceId),
            new ParallelOptions { MaxDegreeOfParallelism = FiringParallelism, CancellationToken = cancellationToken },
            async (instance, ct) =>
            {
                foreach (var (timerId, instanceId) in instance)
                {
                    await FireAsync(timerId, instanceId, ct);
                }
            });

        return claimed.Count;
    }

    private async Task FireAsync(string timerId, Guid instanceId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            var result = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>()
                .ExecuteAsync(instanceId, new FireTimerCommand(timerId), cancellationToken);
            if (result.Outcome != CommandOutcome.Applied)
            {
                // The wait is gone (answered, cancelled) or the firing was already processed: the row is stale.
                await scope.ServiceProvider.GetRequiredService<EPeopleDbContext>().WorkflowTimers
                    .Where(t => t.Id == timerId).ExecuteDeleteAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The claim expires and the timer is tried again (on this node or another).
            LogFireFailed(logger, ex, timerId, instanceId);
        }
    }

    private static string NodeName()
    {
        var name = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        return name.Length > 200 ? name[..200] : name;
    }

    [LoggerMessage(EventId = 6000, Level = LogLevel.Error, Message = "Timer {TimerId} of instance {InstanceId} could not be fired")]
    private static partial void LogFireFailed(ILogger logger, Exception exception, string timerId, Guid instanceId);
}
