namespace EPeople.Application.Analytics.Bursts;

/// <summary>
/// Per-key petition counts over the last <c>days</c> calendar days, kept as running sums: adding a day costs its keys,
/// and a day that falls out of the window is subtracted again. Days without petitions simply count as empty.
/// </summary>
internal sealed class TrailingCounts(int days)
{
    private readonly Queue<(DateOnly Day, Dictionary<string, int> Counts, int Total)> _days = new();
    private readonly Dictionary<string, int> _sums = new(StringComparer.Ordinal);

    public int Total { get; private set; }

    public int Count(string key) => _sums.GetValueOrDefault(key);

    /// <summary>The key's count on one day of the window (0 for a day outside it or without the key).</summary>
    public int CountOn(DateOnly day, string key)
    {
        foreach (var (d, counts, _) in _days)
        {
            if (d == day)
            {
                return counts.GetValueOrDefault(key);
            }
        }

        return 0;
    }

    /// <summary>The counts of one day of the window, or null for a day outside it or without petitions.</summary>
    public BurstDayCounts? DayOf(DateOnly day)
    {
        foreach (var (d, counts, total) in _days)
        {
            if (d == day)
            {
                return new BurstDayCounts(d, total, counts);
            }
        }

        return null;
    }

    /// <summary>Adds a day's counts and drops the days that are <c>days</c> or more before it.</summary>
    public void Add(DateOnly day, Dictionary<string, int> counts, int total)
    {
        _days.Enqueue((day, counts, total));
        Total += total;
        foreach (var (key, count) in counts)
        {
            _sums[key] = _sums.GetValueOrDefault(key) + count;
        }

        Evict(day);
    }

    /// <summary>Drops the days that are <c>days</c> or more before <paramref name="today"/> (a window restored up to a day with no petitions).</summary>
    public void EvictBefore(DateOnly today) => Evict(today);

    private void Evict(DateOnly today)
    {
        var first = today.AddDays(-days + 1);
        while (_days.Count > 0 && _days.Peek().Day < first)
        {
            var (_, counts, total) = _days.Dequeue();
            Total -= total;
            foreach (var (key, count) in counts)
            {
                var left = _sums[key] - count;
                if (left == 0)
                {
                    _sums.Remove(key);
                }
                else
                {
                    _sums[key] = left;
                }
            }
        }
    }
}
