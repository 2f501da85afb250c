using EPeople.Application.Abstractions;
using EPeople.Domain.Petitions;
using EPeople.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EPeople.Application.Petitions;

/// <summary>
/// Closes petitions whose supplement did not arrive by its date (run by a clustered scheduled job): each one in its own
/// transaction with the workflow's interrupting PetitionClosed event and the closure notice. Safe to run twice: a
/// petition already closed is skipped, and the event's operation id makes a repeat a no-op.
/// </summary>
public sealed class SupplementDeadlines(IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task<int> CloseOverdueAsync(int batchSize, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<IEPeopleDbContext>().Petitions.AsNoTracking()
                .Where(p => p.Status == PetitionStatus.AwaitingSupplement && p.SupplementDueAt < now)
                .OrderBy(p => p.SupplementDueAt).Select(p => p.Id).Take(batchSize).ToListAsync(cancellationToken);
        }

        foreach (var id in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IEPeopleDbContext>();
            var petition = await db.Petitions.Include(p => p.Events).SingleAsync(p => p.Id == id, cancellationToken);
            if (!petition.CloseForMissingSupplement(now))
            {
                continue;
            }

            await scope.ServiceProvider.GetRequiredService<Notices.PetitionNotifier>().NotifyLatestAsync(petition, now, cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().ExecuteAsync(petition.WorkflowInstanceId,
                new DeliverEventCommand($"closed:{petition.Id}", $"closed:{petition.Id}", "PetitionClosed", petition.Id.ToString()), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return due.Count;
    }
}
