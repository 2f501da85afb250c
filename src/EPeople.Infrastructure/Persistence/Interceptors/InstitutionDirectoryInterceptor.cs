using EPeople.Application.Institutions;
using EPeople.Domain.Institutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EPeople.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Drops the <see cref="InstitutionDirectory"/> snapshot whenever a save changes an institution (a member change bumps
/// the institution's version, so its entry counts too): before the save, and once more after it, so that a read in
/// between cannot keep the old rows. Registered after <see cref="AggregateVersionInterceptor"/>, which has just
/// detected the changes, so this looks at the entries without detecting them again.
/// </summary>
internal sealed class InstitutionDirectoryInterceptor(InstitutionDirectory directory) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        InvalidateIfChanged(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        InvalidateIfChanged(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        InvalidateIfTracked(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        InvalidateIfTracked(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void InvalidateIfChanged(DbContext? context)
    {
        if (context is not null && Entries(context).Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            directory.Invalidate();
        }
    }

    private void InvalidateIfTracked(DbContext? context)
    {
        if (context is not null && Entries(context).Count > 0)
        {
            directory.Invalidate();
        }
    }

    private static List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<Institution>> Entries(DbContext context)
    {
        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return [.. tracker.Entries<Institution>()];
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }
}
