using EPeople.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EPeople.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Bumps <see cref="AggregateRoot.Version"/> once per save for every aggregate that changed, directly or
/// through one of its members. The UPDATE then carries "WHERE version = @original", so a concurrent save
/// of the same aggregate fails with a concurrency conflict (409) instead of overwriting.
/// </summary>
internal sealed class AggregateVersionInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Bump(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Bump(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Bump(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var roots = context.ChangeTracker.Entries<AggregateRoot>().ToDictionary(e => e.Entity.Id);
        var changed = new HashSet<EntityEntry<AggregateRoot>>();
        foreach (var entry in roots.Values.Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            changed.Add(entry);
        }

        foreach (var member in context.ChangeTracker.Entries<IAggregateMember>()
                     .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            if (roots.TryGetValue(member.Entity.AggregateId, out var root) && root.State != EntityState.Deleted)
            {
                changed.Add(root);
            }
        }

        foreach (var root in changed)
        {
            var version = root.Property(e => e.Version);
            version.CurrentValue = root.State == EntityState.Added ? 1 : version.OriginalValue + 1;
        }
    }
}
