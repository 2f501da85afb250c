using EPeople.Application.Abstractions;
using EPeople.Domain.Petitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EPeople.Application.Petitions;

/// <summary>
/// Finishes answered petitions whose 14-day rating window closed without a rating (run by a clustered scheduled job),
/// so that they show as Closed and count as finished in the statistics. The workflow needs nothing: its own feedback
/// wait timed out at the same moment. Safe to run twice: a finished petition is no longer Answered.
/// </summary>
public sealed class RatingWindows(IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task<int> FinishUnratedAsync(int batchSize, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var answeredBefore = now - Petition.RatingWindow;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IEPeopleDbContext>();
        var petitions = await db.Petitions.Include(p => p.Events)
            .Where(p => p.Status == PetitionStatus.Answered && p.AnsweredAt < answeredBefore)
            .OrderBy(p => p.AnsweredAt).Take(batchSize).ToListAsync(cancellationToken);
        foreach (var petition in petitions)
        {
            petition.Finish(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return petitions.Count;
    }
}
