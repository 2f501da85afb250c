using EPeople.Application.Analytics.Terms;

namespace EPeople.Application.Analytics.Bursts;

/// <summary>
/// The baseline the burst detector is measured against: a keyword surge rule. A term alerts when its petitions of the
/// last three days reach <see cref="MinCount"/> and five times its rate over the 28 days before them; it alerts again
/// only after the rule has stopped holding for it. No volume adjustment, no test, no merging of terms.
/// </summary>
public static class NaiveSurgeDetector
{
    public const int WindowDays = 3;
    public const int BaselineDays = 28;
    public const double Factor = 5.0;
    public const int MinCount = 10;

    public static List<BurstAlert> Replay(IEnumerable<BurstPetition> petitions, DateOnly? from = null, DateOnly? to = null)
    {
        var daily = new Dictionary<DateOnly, Dictionary<string, int>>();
        foreach (var petition in petitions)
        {
            if (!daily.TryGetValue(petition.FiledOn, out var counts))
            {
                daily[petition.FiledOn] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            foreach (var term in TermTokenizer.Terms(petition.Text, bigrams: false))
            {
                counts[term] = counts.GetValueOrDefault(term) + 1;
            }
        }

        var alerts = new List<BurstAlert>();
        var holding = new HashSet<string>(StringComparer.Ordinal);
        var days = daily.Keys.Order().ToList();
        if (days.Count == 0)
        {
            return alerts;
        }

        for (var day = days[0].AddDays(BaselineDays); day <= days[^1] && (to is null || day <= to); day = day.AddDays(1))
        {
            var window = Sum(daily, day.AddDays(1 - WindowDays), day);
            var before = Sum(daily, day.AddDays(1 - WindowDays - BaselineDays), day.AddDays(-WindowDays));
            var now = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (term, count) in window.OrderBy(w => w.Key, StringComparer.Ordinal))
            {
                var expected = before.GetValueOrDefault(term) * WindowDays / (double)BaselineDays;
                if (count >= MinCount && count > Factor * expected)
                {
                    now.Add(term);
                    if (!holding.Contains(term) && (from is null || day >= from))
                    {
                        alerts.Add(new BurstAlert($"{day:yyyy-MM-dd}/{term}", day, day, 1, [term], [term], count, expected,
                            expected > 0 ? count / expected : double.PositiveInfinity, 0, 0, 0, count, count, [], [], [], []));
                    }
                }
            }

            holding.Clear();
            holding.UnionWith(now);
        }

        return alerts;
    }

    private static Dictionary<string, int> Sum(Dictionary<DateOnly, Dictionary<string, int>> daily, DateOnly first, DateOnly last)
    {
        var sum = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (daily.TryGetValue(day, out var counts))
            {
                foreach (var (term, count) in counts)
                {
                    sum[term] = sum.GetValueOrDefault(term) + count;
                }
            }
        }

        return sum;
    }
}
