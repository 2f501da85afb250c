namespace EPeople.Application.Analytics.Grouping;

/// <summary>
/// Exclusive locks held until the caller's transaction ends, on 64-bit keys: what keeps two concurrent filings of the
/// same content from each grouping without seeing the other (<see cref="PetitionGrouper"/> says which keys). One
/// implementation per database provider, in Infrastructure.
/// </summary>
public interface IGroupingLock
{
    /// <summary>
    /// Waits for and takes the locks on <paramref name="keys"/> (sorted ascending and distinct, so that two callers never
    /// wait for each other in a circle), in the open transaction of the context; they are released at its commit or rollback.
    /// </summary>
    Task AcquireAsync(IReadOnlyList<long> keys, CancellationToken cancellationToken);
}
