using System.Globalization;
using EPeople.Application.Analytics.Similarity;
using EPeople.Application.Petitions.Routing.Learning;

namespace EPeople.Benchmarks;

/// <summary>
/// Tuning aid for the grouping threshold (issue 8), run by hand: near-duplicate titles among the 2019 petitions found
/// through the band index (as the database finds them), then a seeded random sample of 25 pairs per similarity bin, to be
/// labelled by eye (README: measured precision). Source: Blue House national petitions (청와대 국민청원), KOGL Type 1.
/// </summary>
internal static class SimilaritySample
{
    public static void Run(string csv, string output, int maxTitles)
    {
        var titles = PetitionCsv.Read(csv).Select(r => r.Title).Where(t => t.Length >= 5).Distinct(StringComparer.Ordinal).Take(maxTitles).ToList();
        var signatures = titles.Select(t => MinHash.Signature(t)).ToList();
        var buckets = new Dictionary<long, List<int>>();
        for (var i = 0; i < titles.Count; i++)
        {
            foreach (var key in MinHash.BandKeys(signatures[i], SimilarityField.Title))
            {
                (buckets.TryGetValue(key, out var list) ? list : buckets[key] = []).Add(i);
            }
        }

        var pairs = new HashSet<(int, int)>();
        foreach (var list in buckets.Values.Where(l => l.Count is > 1 and < 50))
        {
            for (var a = 0; a < list.Count; a++)
            {
                for (var b = a + 1; b < list.Count; b++)
                {
                    pairs.Add((list[a], list[b]));
                }
            }
        }

        var random = new Random(2019);
        var lines = new List<string> { string.Create(CultureInfo.InvariantCulture, $"titles={titles.Count} candidate pairs={pairs.Count}") };
        foreach (var (low, high) in new[] { (0.4, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 1.01) })
        {
            var bin = pairs.Select(p => (p, estimate: MinHash.Estimate(signatures[p.Item1], signatures[p.Item2])))
                .Where(x => x.estimate >= low && x.estimate < high).ToList();
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"## [{low}, {high}) pairs={bin.Count}"));
            lines.AddRange(bin.OrderBy(_ => random.Next()).Take(25)
                .Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.estimate:0.00}\t{titles[x.p.Item1]}\t{titles[x.p.Item2]}")));
        }

        File.WriteAllLines(output, lines);
        Console.WriteLine($"{pairs.Count:N0} candidate pairs among {titles.Count:N0} titles; samples in {output}");
    }
}
