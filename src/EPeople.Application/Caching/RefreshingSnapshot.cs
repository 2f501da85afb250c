namespace EPeople.Application.Caching;

/// <summary>
/// A value read from the database once and served from memory until it is older than its freshness: the first caller
/// after that loads it again while the others wait for that one load, never a load each. <see cref="Invalidate"/>
/// drops it at once (this process changed it); another node's change is seen within the freshness.
/// </summary>
public sealed class RefreshingSnapshot<T>(TimeSpan freshness, TimeProvider clock) : IDisposable
    where T : class
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Entry? _entry;

    /// <summary>The value, loaded again by <paramref name="load"/> (given the previous value, if any) when stale or dropped.</summary>
    public async ValueTask<T> GetAsync(Func<T?, CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_entry is { } current && now - current.LoadedAt < freshness)
        {
            return current.Value;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_entry is { } loaded && now - loaded.LoadedAt < freshness)
            {
                return loaded.Value; // another caller loaded it while this one waited
            }

            var value = await load(_entry?.Value, cancellationToken);
            _entry = new Entry(value, now);
            return value;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Drops the value: the next read loads it again, with no previous value.</summary>
    public void Invalidate() => _entry = null;

    public void Dispose() => _loading.Dispose();

    private sealed record Entry(T Value, DateTimeOffset LoadedAt);
}
