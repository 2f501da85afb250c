using EPeople.Application.Petitions.Routing.Learning;

namespace EPeople.Benchmarks.Routing;

/// <summary>
/// The anchor, built the textbook way so the comparison is fair: TF-IDF over character 1–3-grams of the
/// lower-cased title (spaces included, smoothed idf, rows normalised to unit length) and a one-vs-rest linear SVM
/// (squared hinge, C = 1, bias as a constant feature) solved by dual coordinate descent. Its confidence is the
/// highest decision value.
/// </summary>
internal sealed class LinearSvmAnchor
{
    private const double C = 1.0;
    private readonly string[] labels;
    private readonly Dictionary<string, int> grams;
    private readonly double[] idf;
    private readonly double[][] weights; // per label; the last element is the bias

    private LinearSvmAnchor(string[] labels, Dictionary<string, int> grams, double[] idf, double[][] weights) =>
        (this.labels, this.grams, this.idf, this.weights) = (labels, grams, idf, weights);

    public static LinearSvmAnchor Train(IReadOnlyList<LabelledPetition> examples, int passes = 30)
    {
        var labels = examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        var documentFrequency = new List<int>();
        var counted = examples.Select(e => Grams(e.Text)).ToArray();
        foreach (var document in counted)
        {
            foreach (var gram in document.Keys)
            {
                if (!grams.TryGetValue(gram, out var index))
                {
                    grams[gram] = index = grams.Count;
                    documentFrequency.Add(0);
                }

                documentFrequency[index]++;
            }
        }

        var idf = documentFrequency.Select(df => 1 + Math.Log((1.0 + examples.Count) / (1.0 + df))).ToArray();
        var anchor = new LinearSvmAnchor(labels, grams, idf, new double[labels.Length][]);
        var vectors = counted.Select(anchor.Vector).ToArray();
        var dimension = grams.Count + 1;
        Parallel.For(0, labels.Length, l =>
        {
            var y = examples.Select(e => e.Label == labels[l] ? 1.0 : -1.0).ToArray();
            anchor.weights[l] = Solve(vectors, y, dimension, passes, seed: l);
        });
        return anchor;
    }

    /// <summary>Labels in decreasing decision value, and the highest decision value as the confidence.</summary>
    public (IReadOnlyList<string> Ranked, double Confidence) Predict(string text)
    {
        var (index, value) = Vector(Grams(text));
        var scores = new double[labels.Length];
        for (var l = 0; l < labels.Length; l++)
        {
            var w = weights[l];
            var score = w[^1];
            for (var k = 0; k < index.Length; k++)
            {
                score += w[index[k]] * value[k];
            }

            scores[l] = score;
        }

        var order = Enumerable.Range(0, labels.Length).OrderByDescending(l => scores[l]).ToArray();
        return (order.Select(l => labels[l]).ToArray(), scores[order[0]]);
    }

    private static Dictionary<string, int> Grams(string text)
    {
        var lower = text.ToLowerInvariant();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var n = 1; n <= 3; n++)
        {
            for (var i = 0; i + n <= lower.Length; i++)
            {
                var gram = lower.Substring(i, n);
                counts[gram] = counts.GetValueOrDefault(gram) + 1;
            }
        }

        return counts;
    }

    private (int[] Index, double[] Value) Vector(Dictionary<string, int> counts)
    {
        var entries = counts.Where(c => grams.ContainsKey(c.Key)).Select(c => (Index: grams[c.Key], Value: c.Value * idf[grams[c.Key]])).OrderBy(e => e.Index).ToArray();
        var norm = Math.Sqrt(entries.Sum(e => e.Value * e.Value));
        return (entries.Select(e => e.Index).ToArray(), entries.Select(e => norm > 0 ? e.Value / norm : 0).ToArray());
    }

    /// <summary>L2-regularised squared-hinge SVM, dual coordinate descent (Hsieh et al., 2008); bias feature = 1.</summary>
    private static double[] Solve((int[] Index, double[] Value)[] x, double[] y, int dimension, int passes, int seed)
    {
        var w = new double[dimension];
        var alpha = new double[x.Length];
        var diagonal = 1 / (2 * C);
        var q = x.Select(v => v.Value.Sum(a => a * a) + 1 + diagonal).ToArray();
        var order = Enumerable.Range(0, x.Length).ToArray();
        var random = new Random(seed);
        for (var pass = 0; pass < passes; pass++)
        {
            random.Shuffle(order);
            var largest = 0.0;
            foreach (var i in order)
            {
                var (index, value) = x[i];
                var margin = w[^1];
                for (var k = 0; k < index.Length; k++)
                {
                    margin += w[index[k]] * value[k];
                }

                var g = (y[i] * margin) - 1 + (diagonal * alpha[i]);
                var projected = alpha[i] == 0 ? Math.Min(g, 0) : g;
                if (projected == 0)
                {
                    continue;
                }

                largest = Math.Max(largest, Math.Abs(projected));
                var old = alpha[i];
                alpha[i] = Math.Max(old - (g / q[i]), 0);
                var step = (alpha[i] - old) * y[i];
                for (var k = 0; k < index.Length; k++)
                {
                    w[index[k]] += step * value[k];
                }

                w[^1] += step;
            }

            if (largest < 0.1)
            {
                break; // LIBLINEAR's default stopping tolerance on the projected gradient
            }
        }

        return w;
    }
}
