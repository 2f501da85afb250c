namespace EPeople.Application.Petitions.Routing.Learning;

/// <summary>
/// How well a classifier routes a test set: top-1 and top-3 accuracy, and the share of petitions it could route
/// automatically while staying at least 80 % and 90 % right (taking them most confident first), with the confusion
/// matrix (rows: true label, columns: predicted).
/// </summary>
public sealed record ClassifierEvaluation(int Count, double Top1, double Top3, double CoverageAt80, double CoverageAt90, IReadOnlyList<string> Labels, int[,] Confusion)
{
    public static ClassifierEvaluation Measure(IReadOnlyList<(string Truth, IReadOnlyList<string> Ranked, double Confidence)> outcomes, IReadOnlyList<string> labels)
    {
        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        var confusion = new int[labels.Count, labels.Count];
        int top1 = 0, top3 = 0;
        foreach (var (truth, ranked, _) in outcomes)
        {
            top1 += ranked.Count > 0 && ranked[0] == truth ? 1 : 0;
            top3 += ranked.Take(3).Contains(truth) ? 1 : 0;
            if (ranked.Count > 0 && labelIndex.TryGetValue(truth, out var t) && labelIndex.TryGetValue(ranked[0], out var p))
            {
                confusion[t, p]++;
            }
        }

        var n = Math.Max(outcomes.Count, 1);
        var byConfidence = outcomes.OrderByDescending(o => o.Confidence).Select(o => (o.Confidence, Right: o.Ranked.Count > 0 && o.Ranked[0] == o.Truth)).ToArray();
        return new ClassifierEvaluation(outcomes.Count, (double)top1 / n, (double)top3 / n,
            Coverage(byConfidence, 0.8) / n, Coverage(byConfidence, 0.9) / n, labels, confusion);
    }

    /// <summary>The most petitions, taken most confident first, of which at least <paramref name="precision"/> are right.</summary>
    public static double Coverage(IReadOnlyList<(double Confidence, bool Right)> byConfidence, double precision)
    {
        var best = 0;
        var right = 0;
        for (var k = 0; k < byConfidence.Count; k++)
        {
            right += byConfidence[k].Right ? 1 : 0;
            // Petitions with equal confidence cannot be told apart: a cut only falls where the confidence changes.
            var cut = k + 1 == byConfidence.Count || byConfidence[k + 1].Confidence < byConfidence[k].Confidence;
            if (cut && right >= precision * (k + 1))
            {
                best = k + 1;
            }
        }

        return best;
    }
}
