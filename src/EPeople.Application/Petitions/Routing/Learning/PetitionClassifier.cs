namespace EPeople.Application.Petitions.Routing.Learning;

/// <summary>
/// A linear classifier over <see cref="PetitionTerms"/>: each term has a weight per label, a petition's score for a
/// label is the sum over its terms (log-scaled counts times inverse document frequency, normalised to unit length),
/// and a softmax with a fitted temperature turns the scores (one-vs-rest margins) into calibrated probabilities.
/// Immutable and safe to share between threads.
/// </summary>
public sealed class PetitionClassifier
{
    private readonly string[] labels;
    private readonly Dictionary<string, int> terms;
    private readonly string[] termText;
    private readonly float[] idf;
    private readonly float[] weights; // [term * labels + label]
    private readonly float[] bias;

    internal PetitionClassifier(string[] labels, Dictionary<string, int> terms, float[] idf, float[] weights, float[] bias, double temperature, TermShape shape)
    {
        this.labels = labels;
        this.terms = terms;
        this.idf = idf;
        this.weights = weights;
        this.bias = bias;
        Temperature = temperature;
        Shape = shape;
        termText = new string[terms.Count];
        foreach (var (term, index) in terms)
        {
            termText[index] = term;
        }
    }

    public IReadOnlyList<string> Labels => labels;

    public int TermCount => terms.Count;

    public double Temperature { get; }

    public TermShape Shape { get; }

    internal ReadOnlySpan<float> Weights => weights;

    internal ReadOnlySpan<float> Bias => bias;

    internal ReadOnlySpan<float> Idf => idf;

    internal IReadOnlyList<string> TermTexts => termText;

    /// <summary>The labels, most probable first, with the strongest terms of the first <paramref name="explain"/>.</summary>
    public IReadOnlyList<LabelScore> Predict(string text, int explain = 3)
    {
        var vector = Vectorize(PetitionTerms.Extract(text, Shape), terms, idf);
        var probabilities = Probabilities(vector, weights, bias, labels.Length, Temperature);
        var order = Enumerable.Range(0, labels.Length).OrderByDescending(l => probabilities[l]).ThenBy(l => l).ToArray();
        var result = new LabelScore[labels.Length];
        for (var rank = 0; rank < order.Length; rank++)
        {
            var label = order[rank];
            result[rank] = new LabelScore(labels[label], probabilities[label], rank < explain ? Strongest(vector, label) : []);
        }

        return result;
    }

    private List<string> Strongest(SparseVector vector, int label)
    {
        var contributions = new List<(string Term, double Weight)>();
        for (var k = 0; k < vector.Index.Length; k++)
        {
            var contribution = vector.Value[k] * weights[(vector.Index[k] * labels.Length) + label];
            if (contribution > 0)
            {
                contributions.Add((termText[vector.Index[k]], contribution));
            }
        }

        // Words read better than their fragments: a fragment is named only when it adds a term no word names.
        var named = new List<string>(3);
        foreach (var (term, _) in contributions.OrderByDescending(c => c.Weight))
        {
            var display = PetitionTerms.Display(term);
            // A fragment spanning two words ("금 개") explains nothing to a reader; its words do.
            var spansWords = term.StartsWith("c:", StringComparison.Ordinal) && display.Contains(' ', StringComparison.Ordinal);
            if (display.Length >= 2 && !spansWords && !named.Any(n => n.Contains(display, StringComparison.Ordinal) || display.Contains(n, StringComparison.Ordinal)))
            {
                named.Add(display);
            }

            if (named.Count == 3)
            {
                break;
            }
        }

        return named;
    }

    internal static SparseVector Vectorize(List<string> extracted, Dictionary<string, int> terms, float[] idf)
    {
        var counts = new Dictionary<int, int>(extracted.Count);
        foreach (var term in extracted)
        {
            if (terms.TryGetValue(term, out var index))
            {
                counts[index] = counts.GetValueOrDefault(index) + 1;
            }
        }

        var indexes = new int[counts.Count];
        var values = new float[counts.Count];
        var k = 0;
        var norm = 0.0;
        foreach (var (index, count) in counts.OrderBy(c => c.Key))
        {
            indexes[k] = index;
            values[k] = (float)((1 + Math.Log(count)) * idf[index]);
            norm += values[k] * values[k];
            k++;
        }

        if (norm > 0)
        {
            var scale = (float)(1 / Math.Sqrt(norm));
            for (var i = 0; i < values.Length; i++)
            {
                values[i] *= scale;
            }
        }

        return new SparseVector(indexes, values);
    }

    internal static double[] Probabilities(SparseVector vector, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, int labelCount, double temperature)
    {
        var scores = Scores(vector, weights, bias, labelCount);
        Softmax(scores, temperature);
        return scores;
    }

    /// <summary>Each label's score: its bias plus the petition's term values times their weights.</summary>
    internal static double[] Scores(SparseVector vector, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, int labelCount)
    {
        var scores = new double[labelCount];
        for (var l = 0; l < labelCount; l++)
        {
            scores[l] = bias[l];
        }

        for (var k = 0; k < vector.Index.Length; k++)
        {
            var row = weights.Slice(vector.Index[k] * labelCount, labelCount);
            var value = vector.Value[k];
            for (var l = 0; l < labelCount; l++)
            {
                scores[l] += value * row[l];
            }
        }

        return scores;
    }

    internal static void Softmax(double[] scores, double temperature)
    {
        var max = scores.Max();
        var sum = 0.0;
        for (var l = 0; l < scores.Length; l++)
        {
            scores[l] = Math.Exp((scores[l] - max) / temperature);
            sum += scores[l];
        }

        for (var l = 0; l < scores.Length; l++)
        {
            scores[l] /= sum;
        }
    }
}

/// <summary>A petition as the model sees it: term rows in ascending order and their values.</summary>
internal readonly record struct SparseVector(int[] Index, float[] Value);
