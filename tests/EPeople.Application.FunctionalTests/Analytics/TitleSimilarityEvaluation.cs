using System.Globalization;
using EPeople.Application.Analytics.Similarity;

namespace EPeople.Application.FunctionalTests.Analytics;

/// <summary>
/// Tuning aid, run by hand: finds near-duplicate titles among the 2019 petitions through the band index (as the database
/// does) and writes a seeded random sample of pairs per similarity bin, to be labelled by eye (README: measured precision).
/// </summary>
[Explicit("Reads /work/shared/data; run by hand when tuning the thresholds.")]
public sealed class TitleSimilarityEvaluation
{
    [Test]
    public void WriteSamplesOfCandidatePairs()
    {
        var path = Environment.GetEnvironmentVariable("EPEOPLE_PETITIONS_CSV") ?? "/work/shared/data/petitions/petitions-2019.csv";
        var titles = File.ReadLines(path).Skip(1).Select(Title).Where(t => t.Length >= 5).Distinct(StringComparer.Ordinal).Take(20_000).ToList();
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
        var output = new List<string> { $"titles={titles.Count} candidate pairs={pairs.Count}" };
        foreach (var (low, high) in new[] { (0.4, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 1.01) })
        {
            var bin = pairs.Select(p => (p, estimate: MinHash.Estimate(signatures[p.Item1], signatures[p.Item2])))
                .Where(x => x.estimate >= low && x.estimate < high).ToList();
            output.Add($"## [{low}, {high}) pairs={bin.Count}");
            output.AddRange(bin.OrderBy(_ => random.Next()).Take(25)
                .Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.estimate:0.00}\t{titles[x.p.Item1]}\t{titles[x.p.Item2]}")));
        }

        var file = Path.Combine(Path.GetTempPath(), "epeople-title-pairs.txt");
        File.WriteAllLines(file, output);
        TestContext.Out.WriteLine(file);
    }

    private static string Title(string line)
    {
        // id,category,title,...: the title may be quoted and contain commas.
        var rest = line[(line.IndexOf(',', line.IndexOf(',') + 1) + 1)..];
        if (!rest.StartsWith('"'))
        {
            return rest[..rest.IndexOf(',')];
        }

        var end = rest.IndexOf("\",", 1, StringComparison.Ordinal);
        return end < 0 ? rest.Trim('"') : rest[1..end].Replace("\"\"", "\"", StringComparison.Ordinal);
    }
}
