using System.Globalization;
using EPeople.Application.Analytics.Terms;

namespace EPeople.Application.Analytics.Bursts;

/// <summary>
/// Finds topics that suddenly draw many petitions, one day at a time (<see cref="Add"/>, state carried between days) or
/// over a whole file (<see cref="Replay"/>), with the same result either way. For each key of the day (a term, a pair of
/// neighbouring terms; optionally a category, institution or region):
/// <list type="number">
/// <item>expected = the key's share of the petitions in the trailing <see cref="BurstOptions.BaselineDays"/> and
/// <see cref="BurstOptions.LongBaselineDays"/> days (the larger), times the day's volume, so a changing base rate moves
/// the expectation with it;</item>
/// <item>the key bursts when it has the minimum support, grew <see cref="BurstOptions.MinGrowth"/>-fold, and its Poisson
/// tail probability beats the significance divided by the number of keys tested that day;</item>
/// <item>the day's bursting keys are grouped by the petitions they share, one group per topic; a group that shares its
/// leading terms with a topic alerted in the last <see cref="BurstOptions.TopicMemoryDays"/> days extends that alert
/// instead of raising a new one.</item>
/// </list>
/// Deterministic: no randomness, and every ordering is by value (petitions by id, keys by probability then ordinal).
/// </summary>
public sealed class BurstDetector
{
    private readonly TrailingCounts _recent;
    private readonly TrailingCounts _longer;
    private readonly List<BurstTopic> _topics = [];
    private DateOnly? _first;

    public BurstDetector(BurstOptions? options = null)
    {
        Options = options ?? new BurstOptions();
        _recent = new TrailingCounts(Options.BaselineDays);
        _longer = new TrailingCounts(Options.LongBaselineDays);
    }

    public BurstOptions Options { get; }

    /// <summary>The last day added, if any.</summary>
    public DateOnly? LastDay { get; private set; }

    /// <summary>The alerts whose topic is still open (burst within <see cref="BurstOptions.TopicMemoryDays"/> days).</summary>
    public IReadOnlyList<BurstAlert> OpenAlerts => _topics.Select(t => t.Alert).ToList();

    /// <summary>
    /// Petitions per day carrying <paramref name="key"/> for the <paramref name="days"/> days up to <paramref name="to"/>
    /// (a sparkline); the detector remembers <see cref="BurstOptions.LongBaselineDays"/> days, older ones read 0.
    /// </summary>
    public IReadOnlyList<int> Series(string key, DateOnly to, int days) =>
        [.. Enumerable.Range(0, days).Select(i => _longer.CountOn(to.AddDays(i - days + 1), key))];

    /// <summary>The counts of a day added within the last <see cref="BurstOptions.LongBaselineDays"/> days, to be saved with <see cref="State"/>.</summary>
    public BurstDayCounts? CountsOn(DateOnly day) => _longer.DayOf(day);

    /// <summary>What the detector carries to the next day besides the days' counts; null before any day is added.</summary>
    public BurstDetectorState? State() =>
        LastDay is { } last ? new BurstDetectorState(_first, last, [.. _topics.Select(t => t.State())]) : null;

    /// <summary>
    /// A detector as it was after <paramref name="state"/>'s last day, from that state and the counts of the days before
    /// it (those older than <see cref="BurstOptions.LongBaselineDays"/> are ignored, as the detector would have let them
    /// go): it then goes on exactly as the one saved would have, without the petitions of those days.
    /// </summary>
    public static BurstDetector Restore(BurstOptions options, BurstDetectorState state, IEnumerable<BurstDayCounts> days)
    {
        var detector = new BurstDetector(options);
        foreach (var day in days.Where(d => d.Day <= state.LastDay).OrderBy(d => d.Day))
        {
            // Read only, as when a day is added: both windows may hold the same map.
            var counts = day.Counts as Dictionary<string, int> ?? new Dictionary<string, int>(day.Counts, StringComparer.Ordinal);
            detector._recent.Add(day.Day, counts, day.Total);
            detector._longer.Add(day.Day, counts, day.Total);
        }

        detector._recent.EvictBefore(state.LastDay);
        detector._longer.EvictBefore(state.LastDay);
        detector._first = state.First;
        detector.LastDay = state.LastDay;
        detector._topics.AddRange(state.Topics.Select(BurstTopic.Of));
        return detector;
    }

    /// <summary>How many of <paramref name="petitions"/> carry <paramref name="key"/> (a term, a pair, <c>category:</c>…).</summary>
    public int CountOf(string key, IEnumerable<BurstPetition> petitions) => petitions.Count(p => Keys(p).Contains(key, StringComparer.Ordinal));

    /// <summary>
    /// Adds the petitions filed on <paramref name="day"/> (later than any day added before; days in between count as
    /// days without petitions) and reports the alerts raised and extended.
    /// </summary>
    public BurstDay Add(DateOnly day, IReadOnlyCollection<BurstPetition> petitions) => Run(day, petitions, remember: true);

    /// <summary>
    /// Tests the petitions of a day not yet complete (today up to the last full hour) as <see cref="Add"/> would, without
    /// remembering anything: the alerts it reports are those the day would raise or extend if it ended now. Shares make a
    /// part of a day comparable with whole days, so a burst shows within the hour instead of at midnight; the day is
    /// added whole once it is over.
    /// </summary>
    public BurstDay Peek(DateOnly day, IReadOnlyCollection<BurstPetition> petitions) => Run(day, petitions, remember: false);

    private BurstDay Run(DateOnly day, IReadOnlyCollection<BurstPetition> petitions, bool remember)
    {
        if (LastDay is { } last && day <= last)
        {
            throw new ArgumentException($"Days must be added in order: {day:yyyy-MM-dd} is not after {last:yyyy-MM-dd}.", nameof(day));
        }

        var ordered = petitions.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++)
        {
            foreach (var key in Keys(ordered[i]))
            {
                if (!byKey.TryGetValue(key, out var list))
                {
                    byKey[key] = list = [];
                }

                list.Add(i);
            }
        }

        var bursts = Test(day, byKey, ordered.Count);
        if (!remember)
        {
            var copies = _topics.Select(t => t.Copy()).ToList();
            var (wouldRaise, wouldExtend) = Merge(day, ordered, byKey, bursts, copies);
            return new BurstDay(day, ordered.Count, wouldRaise, wouldExtend);
        }

        _first ??= day;
        var counts = new Dictionary<string, int>(byKey.Count, StringComparer.Ordinal);
        foreach (var (key, list) in byKey)
        {
            counts[key] = list.Count;
        }

        _recent.Add(day, counts, ordered.Count);
        _longer.Add(day, counts, ordered.Count);
        var (raised, extended) = Merge(day, ordered, byKey, bursts, _topics);
        _topics.RemoveAll(t => day.DayNumber - t.Alert.LastSeenOn.DayNumber >= Options.TopicMemoryDays);
        LastDay = day;
        return new BurstDay(day, ordered.Count, raised, extended);
    }

    /// <summary>
    /// Runs the detector over petitions day by day, in filing order, and returns the alerts raised from
    /// <paramref name="from"/> to <paramref name="to"/> in their final state (earlier days only warm the baseline up).
    /// </summary>
    public static List<BurstAlert> Replay(
        IEnumerable<BurstPetition> petitions, BurstOptions? options = null, DateOnly? from = null, DateOnly? to = null, IProgress<string>? progress = null)
    {
        var detector = new BurstDetector(options);
        var alerts = new Dictionary<string, BurstAlert>(StringComparer.Ordinal);
        var seen = 0;
        var days = petitions.GroupBy(p => p.FiledOn).OrderBy(g => g.Key).ToList();
        foreach (var group in days)
        {
            if (to is { } end && group.Key > end)
            {
                break;
            }

            var result = detector.Add(group.Key, group.ToList());
            seen += result.Total;
            foreach (var alert in result.Raised.Where(a => from is null || a.RaisedOn >= from))
            {
                alerts[alert.Id] = alert;
            }

            foreach (var alert in result.Extended.Where(a => alerts.ContainsKey(a.Id)))
            {
                alerts[alert.Id] = alert;
            }

            if (group.Key.Day == 1 || ReferenceEquals(group, days[^1]))
            {
                progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{group.Key:yyyy-MM-dd}: {seen:N0} petitions read, {alerts.Count} alerts"));
            }
        }

        return alerts.Values.OrderBy(a => a.RaisedOn).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
    }

    private IEnumerable<string> Keys(BurstPetition petition)
    {
        foreach (var term in TermTokenizer.Terms(petition.Text, Options.Bigrams))
        {
            yield return term;
        }

        if (Options.CountCategories && !string.IsNullOrWhiteSpace(petition.Category))
        {
            yield return "category:" + petition.Category;
        }

        if (Options.CountInstitutions && !string.IsNullOrWhiteSpace(petition.Institution))
        {
            yield return "institution:" + petition.Institution;
        }

        if (Options.CountRegions && !string.IsNullOrWhiteSpace(petition.Region))
        {
            yield return "region:" + petition.Region;
        }
    }

    private List<KeyBurst> Test(DateOnly day, Dictionary<string, List<int>> byKey, int total)
    {
        if (_first is not { } first || day.DayNumber - first.DayNumber < Options.WarmUpDays || _longer.Total < Options.MinBaselinePetitions)
        {
            return [];
        }

        var support = Math.Max(Options.MinSupport, (int)Math.Ceiling(Options.MinSupportShare * total));
        var candidates = byKey.Where(k => k.Value.Count >= support).ToList();
        // Terms and the category/institution/region keys are two families, each corrected for its own tests: adding a
        // handful of broad keys must not make the thousands of terms harder to alert on, nor the reverse.
        var dimensions = candidates.Count(c => IsDimension(c.Key));
        var termThreshold = Options.Significance / Math.Max(1, candidates.Count - dimensions);
        var dimensionThreshold = Options.Significance / Math.Max(1, dimensions);
        var bursts = new List<KeyBurst>();
        foreach (var (key, petitions) in candidates)
        {
            var recent = (_recent.Count(key) + Options.PriorCount) / (_recent.Total + Options.PriorCount);
            var longer = (_longer.Count(key) + Options.PriorCount) / (_longer.Total + Options.PriorCount);
            var expected = Math.Max(recent, longer) * total;
            if (petitions.Count < (IsDimension(key) ? Options.DimensionGrowth : Options.MinGrowth) * expected)
            {
                continue;
            }

            var p = PoissonTail.AtLeast(petitions.Count, expected * Options.Dispersion);
            if (p <= (IsDimension(key) ? dimensionThreshold : termThreshold))
            {
                bursts.Add(new KeyBurst(key, petitions, expected, p));
            }
        }

        bursts.Sort((a, b) => a.PValue != b.PValue ? a.PValue.CompareTo(b.PValue)
            : a.Petitions.Count != b.Petitions.Count ? b.Petitions.Count.CompareTo(a.Petitions.Count)
            : string.CompareOrdinal(a.Key, b.Key));
        return bursts;
    }

    /// <summary>
    /// Groups the day's bursting keys into topics and matches them with the topics still open. Terms make the topics;
    /// a bursting category, institution or region joins the topic of the day it shares most petitions with when that
    /// topic lies mostly within it or explains most of its rise (it describes that topic), is absorbed by an open topic whose leading terms its petitions carry (the story goes on), and only
    /// otherwise stands as an alert of its own: a volume burst that no single subject explains.
    /// </summary>
    private (List<BurstAlert> Raised, List<BurstAlert> Extended) Merge(
        DateOnly day, List<BurstPetition> petitions, Dictionary<string, List<int>> byKey, List<KeyBurst> bursts, List<BurstTopic> topics)
    {
        var groups = new List<(List<KeyBurst> Members, HashSet<int> Petitions)>();
        foreach (var burst in bursts.Where(b => !IsDimension(b.Key)))
        {
            var home = groups.FindIndex(g => burst.Petitions.Count(g.Petitions.Contains) >= Options.MergeOverlap * burst.Petitions.Count
                || g.Members.Exists(m => SameWord(m.Key, burst.Key)));
            if (home < 0)
            {
                groups.Add(([burst], [.. burst.Petitions]));
            }
            else
            {
                groups[home].Members.Add(burst);
                groups[home].Petitions.UnionWith(burst.Petitions);
            }
        }

        var termGroups = groups.Count;
        foreach (var burst in bursts.Where(b => IsDimension(b.Key)))
        {
            var excess = burst.Petitions.Count - burst.Expected;
            var overlaps = groups.Select(g => burst.Petitions.Count(g.Petitions.Contains)).ToList();
            var best = overlaps.Count == 0 ? -1 : overlaps.IndexOf(overlaps.Max());
            if (best >= 0 && best < termGroups && overlaps[best] >= Options.MergeOverlap * Math.Min(excess, groups[best].Petitions.Count))
            {
                // Describes a topic of the day (the topic lies mostly within it, or explains most of its rise): kept among
                // the topic's keys, never as a petition set of its own. The rest of its rise is usually the same story in
                // other words (케어 and 박소연 and 동물보호단체), which one more alert would only repeat.
                groups[best].Members.Add(burst);
            }
            else if (best >= termGroups && overlaps[best] >= Options.MergeOverlap * burst.Petitions.Count)
            {
                groups[best].Members.Add(burst);
                groups[best].Petitions.UnionWith(burst.Petitions);
            }
            else
            {
                groups.Add(([burst], [.. burst.Petitions]));
            }
        }

        var raised = new List<BurstAlert>();
        var extended = new Dictionary<string, BurstAlert>(StringComparer.Ordinal);
        foreach (var (members, petitionsOfGroup) in groups)
        {
            var keys = members.Select(m => m.Key).ToList();
            var inGroup = petitionsOfGroup.Order().Select(i => petitions[i]).ToList();
            var topic = IsDimension(keys[0])
                ? OngoingTopic(keys[0], members[0].Petitions.Count - members[0].Expected, petitionsOfGroup, byKey, topics)
                : TopicOf(keys, topics);
            if (topic is not null)
            {
                topic.Alert = Extend(topic.Alert, day, keys, inGroup);
                topic.Keys.UnionWith(keys);
                extended[topic.Alert.Id] = topic.Alert;
                continue;
            }

            var alert = Raise(day, petitions, members, inGroup, petitionsOfGroup);
            if (topics.Exists(t => t.Alert.Id == alert.Id) || raised.Exists(a => a.Id == alert.Id))
            {
                alert = alert with { Id = string.Concat(alert.Id, "/", members[0].Key) };
            }

            raised.Add(alert);
            topics.Add(new BurstTopic(alert));
        }

        return (raised, extended.Values.ToList());
    }

    /// <summary>The open topic a group of bursting terms continues: it shares one of its leading terms, or spells one alike.</summary>
    private static BurstTopic? TopicOf(List<string> keys, List<BurstTopic> topics)
    {
        var terms = keys.Where(k => !IsDimension(k)).ToList();
        return topics.Find(t => terms.Take(3).Any(t.Keys.Contains) || t.Leading.Any(terms.Contains)
            || terms.Take(3).Any(k => t.Leading.Any(l => SameWord(k, l))));
    }

    /// <summary>
    /// The open topic a category, institution or region burst belongs to: the same key led it, or most of the burst's
    /// petitions carry the terms of a topic of the last days (a story still running lifts its category after its own
    /// terms have entered the baseline).
    /// </summary>
    private BurstTopic? OngoingTopic(
        string key, double excess, HashSet<int> petitionsOfGroup, Dictionary<string, List<int>> byKey, List<BurstTopic> topics)
    {
        var same = topics.Find(t => t.Leading.Contains(key));
        if (same is not null)
        {
            return same;
        }

        BurstTopic? best = null;
        var most = 0;
        foreach (var topic in topics.Where(t => !IsDimension(t.Alert.Keys[0])))
        {
            var carrying = topic.Keys.Where(k => !IsDimension(k)).SelectMany(k => byKey.GetValueOrDefault(k) ?? [])
                .Where(petitionsOfGroup.Contains).Distinct().Count();
            if (carrying > most)
            {
                (best, most) = (topic, carrying);
            }
        }

        return most >= Options.MergeOverlap * excess ? best : null;
    }

    /// <summary>A category, institution or region key (<c>category:보건복지</c>), as against a term.</summary>
    internal static bool IsDimension(string key) => key.Contains(':', StringComparison.Ordinal);

    private BurstAlert Raise(DateOnly day, List<BurstPetition> petitions, List<KeyBurst> members, List<BurstPetition> inGroup, HashSet<int> indices)
    {
        var lead = members[0];
        var surfaces = Surfaces(inGroup);
        var terms = Display(members.Select(m => m.Key), surfaces);
        if (terms.Count == 0)
        {
            // A volume burst: what it is about is the category, institution or region itself.
            terms = [.. members.Select(m => m.Key[(m.Key.IndexOf(':', StringComparison.Ordinal) + 1)..]).Distinct().Take(Options.MaxTerms)];
        }

        var keysHeld = new Dictionary<int, int>();
        foreach (var member in members)
        {
            foreach (var i in member.Petitions)
            {
                keysHeld[i] = keysHeld.GetValueOrDefault(i) + 1;
            }
        }

        var examples = indices
            .Select(i => (Index: i, Held: keysHeld.GetValueOrDefault(i)))
            .OrderByDescending(e => e.Held).ThenByDescending(e => petitions[e.Index].Support).ThenBy(e => e.Index)
            .Take(Options.MaxExamples)
            .Select(e => petitions[e.Index])
            .Select(p => new BurstExample(p.Id, p.FiledOn, p.Text, p.Category))
            .ToList();
        var score = lead.PValue > 0 ? -Math.Log10(lead.PValue) : 320.0;
        return new BurstAlert(
            Id: string.Create(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd}/{(IsDimension(lead.Key) ? lead.Key : terms[0])}"),
            RaisedOn: day,
            LastSeenOn: day,
            Days: 1,
            Terms: terms,
            Keys: members.Select(m => m.Key).ToList(),
            Count: lead.Petitions.Count,
            Expected: lead.Expected,
            Growth: lead.Petitions.Count / lead.Expected,
            PValue: lead.PValue,
            Score: score,
            DayTotal: petitions.Count,
            TopicCount: inGroup.Count,
            TotalCount: inGroup.Count,
            Examples: examples,
            Categories: Shares(inGroup.Select(p => p.Category)),
            Institutions: Shares(inGroup.Select(p => p.Institution)),
            Regions: Shares(inGroup.Select(p => p.Region)));
    }

    private BurstAlert Extend(BurstAlert alert, DateOnly day, List<string> keys, List<BurstPetition> inGroup)
    {
        var terms = alert.Terms.ToList();
        foreach (var term in Display(keys, Surfaces(inGroup)).Where(t => !terms.Contains(t)))
        {
            if (terms.Count < Options.MaxTerms)
            {
                terms.Add(term);
            }
        }

        return alert with
        {
            LastSeenOn = day,
            Days = alert.LastSeenOn == day ? alert.Days : alert.Days + 1,
            Terms = terms,
            Keys = alert.Keys.Concat(keys.Where(k => !alert.Keys.Contains(k))).ToList(),
            TotalCount = alert.TotalCount + inGroup.Count,
            Categories = Add(alert.Categories, inGroup.Select(p => p.Category)),
            Institutions = Add(alert.Institutions, inGroup.Select(p => p.Institution)),
            Regions = Add(alert.Regions, inGroup.Select(p => p.Region)),
        };
    }

    /// <summary>For each stem, the stem when citizens wrote it bare, else the form they wrote most often (김학의, not 김학).</summary>
    private static Dictionary<string, string> Surfaces(List<BurstPetition> petitions)
    {
        var tallies = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var petition in petitions)
        {
            foreach (var word in TermTokenizer.Words(petition.Text))
            {
                if (word.Stem is null)
                {
                    continue;
                }

                if (!tallies.TryGetValue(word.Stem, out var forms))
                {
                    tallies[word.Stem] = forms = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                forms[word.Surface] = forms.GetValueOrDefault(word.Surface) + 1;
            }
        }

        return tallies.ToDictionary(
            t => t.Key,
            t => t.Value.ContainsKey(t.Key) ? t.Key
                : t.Value.OrderByDescending(f => f.Value).ThenBy(f => f.Key.Length).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key,
            StringComparer.Ordinal);
    }

    /// <summary>The keys as an official reads them, strongest first, leaving out a key whose words are all shown already.</summary>
    private List<string> Display(IEnumerable<string> keys, Dictionary<string, string> surfaces)
    {
        var shown = new List<string>();
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (key.Contains(':', StringComparison.Ordinal))
            {
                continue;
            }

            var parts = key.Split(' ');
            if (parts.Any(words.Contains))
            {
                continue;
            }

            shown.Add(string.Join(' ', parts.Select(p => surfaces.GetValueOrDefault(p, p))));
            words.UnionWith(parts);
            if (shown.Count == Options.MaxTerms)
            {
                break;
            }
        }

        return shown;
    }

    /// <summary>
    /// Two spellings of one word: one holds the other (장자연, 장자연사건) or they share most letter pairs (그랜드캐년,
    /// 그랜드캐니언). Words of fewer than three letters only match themselves.
    /// </summary>
    internal static bool SameWord(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        if (a.Length < 3 || b.Length < 3 || a.Contains(' ', StringComparison.Ordinal) || b.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        if (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal))
        {
            return true;
        }

        var left = TermTokenizer.Shingles(a);
        var right = TermTokenizer.Shingles(b);
        var shared = left.Count(right.Contains);
        return shared >= 0.5 * (left.Count + right.Count - shared);
    }

    private static List<BurstShare> Shares(IEnumerable<string?> names) => Add([], names);

    private static List<BurstShare> Add(IReadOnlyList<BurstShare> shares, IEnumerable<string?> names)
    {
        var counts = shares.ToDictionary(s => s.Name, s => s.Count, StringComparer.Ordinal);
        foreach (var name in names.OfType<string>().Where(n => n.Length > 0))
        {
            counts[name] = counts.GetValueOrDefault(name) + 1;
        }

        return counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => new BurstShare(c.Key, c.Value)).ToList();
    }

    private sealed record KeyBurst(string Key, List<int> Petitions, double Expected, double PValue);
}
