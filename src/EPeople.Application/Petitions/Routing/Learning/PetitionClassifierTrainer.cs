namespace EPeople.Application.Petitions.Routing.Learning;

/// <summary>
/// Trains a <see cref="PetitionClassifier"/>: terms seen in at least <see cref="ClassifierTrainingOptions.MinTermCount"/>
/// petitions, one squared-hinge problem per label (that label against the others) solved exactly by dual coordinate
/// descent, then a temperature fitted on the newest examples (held back from a first model) so that "90 %" means right
/// nine times in ten on the latest petitions.
/// </summary>
public static class PetitionClassifierTrainer
{
    // The dual solver stops when no example's projected gradient exceeds this (LIBLINEAR's default); a tighter
    // tolerance validated the same and took longer. The pass limit bounds the time on a history that converges slowly.
    private const double DualTolerance = 0.1;
    private const int MaxDualPasses = 30;

    public static PetitionClassifier Train(IReadOnlyList<LabelledPetition> examples, ClassifierTrainingOptions options, IProgress<string>? progress = null)
    {
        if (examples.Count == 0)
        {
            throw new InvalidDataException("There is nothing to learn from: no labelled petitions.");
        }

        var labels = examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (labels.Length < 2)
        {
            throw new InvalidDataException("A router needs petitions of at least two labels to learn from.");
        }

        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        progress?.Report($"reading the terms of {examples.Count:N0} petitions");
        var extracted = new List<string>[examples.Count];
        Parallel.For(0, examples.Count, i => extracted[i] = PetitionTerms.Extract(examples[i].Text, options.Shape));

        var (terms, idf) = Vocabulary(extracted, options.MinTermCount, options.WordWeight);
        var vectors = new SparseVector[examples.Count];
        Parallel.For(0, examples.Count, i => vectors[i] = PetitionClassifier.Vectorize(extracted[i], terms, idf));
        var targets = examples.Select(e => labelIndex[e.Label]).ToArray();

        // Calibrate on the newest examples with a model that has not seen them, then learn from everything.
        var byDate = Enumerable.Range(0, examples.Count).OrderBy(i => examples[i].Date).ThenBy(i => i).ToArray();
        var held = (int)Math.Round(examples.Count * options.CalibrationShare);
        var temperature = 1.0;
        if (held >= 50 && examples.Count - held >= 50)
        {
            var fitOn = byDate[..^held];
            progress?.Report($"training on the older {fitOn.Length:N0} to calibrate on the newest {held:N0}");
            var (w0, b0) = Fit(vectors, targets, fitOn, terms.Count, labels.Length, options.C, options.Seed);
            temperature = FitTemperature(vectors, targets, byDate[^held..], w0, b0, labels.Length);
        }

        progress?.Report($"training on all {examples.Count:N0} ({terms.Count:N0} terms, {labels.Length} labels)");
        var (weights, bias) = Fit(vectors, targets, byDate, terms.Count, labels.Length, options.C, options.Seed);
        return new PetitionClassifier(labels, terms, idf, weights, bias, temperature, options.Shape);
    }

    /// <summary>
    /// The terms kept and their smoothed inverse document frequencies. Words and word pairs get theirs multiplied by
    /// <paramref name="wordWeight"/>: the idf is stored with the model, so the petition vectors at prediction time carry
    /// the same emphasis.
    /// </summary>
    private static (Dictionary<string, int> Terms, float[] Idf) Vocabulary(List<string>[] extracted, int minCount, double wordWeight)
    {
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var document in extracted)
        {
            foreach (var term in document.Distinct(StringComparer.Ordinal))
            {
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
            }
        }

        var kept = documentFrequency.Where(d => d.Value >= minCount).OrderBy(d => d.Key, StringComparer.Ordinal).ToArray();
        var terms = new Dictionary<string, int>(kept.Length, StringComparer.Ordinal);
        var idf = new float[kept.Length];
        for (var i = 0; i < kept.Length; i++)
        {
            terms[kept[i].Key] = i;
            var isWord = kept[i].Key.StartsWith("w:", StringComparison.Ordinal) || kept[i].Key.StartsWith("b:", StringComparison.Ordinal);
            idf[i] = (float)((isWord ? wordWeight : 1) * (1 + Math.Log((1.0 + extracted.Length) / (1.0 + kept[i].Value))));
        }

        return (terms, idf);
    }

    /// <summary>
    /// One L2-regularised squared-hinge problem per label (that label against all others), each solved exactly by dual
    /// coordinate descent (Hsieh et al., 2008) with the bias as a feature of constant value one. Two changes to the plain
    /// SVM, each worth about one point of top-1 on the July–August validation and together about two:
    /// <list type="bullet">
    /// <item>Each label's problem sees the terms scaled by the square root of their log-count ratio for that label
    /// (the NB-SVM idea of Wang and Manning, 2012): a term typical of the label, or typical of its absence, starts out
    /// larger, so the regularisation spends less on it. The scaling is folded back into the label's weights, so the
    /// model keeps its layout. The full ratio or a shrinkage towards the naive Bayes weights validated no better.</item>
    /// <item>An example's cost is <paramref name="c"/> times the square root of how much rarer its label is than the
    /// average label, so the small boards are not drowned by the large ones; the popular petitions scored in practice
    /// are spread more evenly over the boards than the history. The full inverse frequency validated worse.</item>
    /// </list>
    /// The labels' problems are independent, so they run in parallel, each writing its own column of the weights.
    /// </summary>
    private static (float[] Weights, float[] Bias) Fit(SparseVector[] vectors, int[] targets, int[] rows, int termCount, int labelCount, double c, int seed)
    {
        var weights = new float[termCount * labelCount];
        var bias = new float[labelCount];

        // In how many of the rows each term appears, in all and per label (the naive Bayes counts), and each label's
        // number of rows (for the costs).
        var presence = new int[termCount * labelCount];
        var total = new int[termCount];
        var labelRows = new int[labelCount];
        foreach (var i in rows)
        {
            labelRows[targets[i]]++;
            foreach (var t in vectors[i].Index)
            {
                presence[(t * labelCount) + targets[i]]++;
                total[t]++;
            }
        }

        var cost = new double[labelCount];
        for (var label = 0; label < labelCount; label++)
        {
            cost[label] = labelRows[label] == 0 ? c : c * Math.Sqrt(rows.Length / ((double)labelCount * labelRows[label]));
        }

        Parallel.For(0, labelCount, label =>
        {
            var scale = LogCountRatioScale(presence, total, termCount, labelCount, label);

            var curvature = new double[rows.Length];
            var diagonal = new double[rows.Length];
            for (var r = 0; r < rows.Length; r++)
            {
                var vector = vectors[rows[r]];
                var squares = 1.0;
                for (var k = 0; k < vector.Index.Length; k++)
                {
                    var value = vector.Value[k] * scale[vector.Index[k]];
                    squares += value * value;
                }

                diagonal[r] = 1 / (2 * cost[targets[rows[r]]]);
                curvature[r] = squares + diagonal[r];
            }

            var w = new double[termCount];
            var b = 0.0;
            var alpha = new double[rows.Length];
            var order = Enumerable.Range(0, rows.Length).ToArray();
            var random = new Random(seed + label);
            for (var pass = 0; pass < MaxDualPasses; pass++)
            {
                random.Shuffle(order);
                var largest = 0.0;
                foreach (var r in order)
                {
                    var vector = vectors[rows[r]];
                    var sign = targets[rows[r]] == label ? 1.0 : -1.0;
                    var margin = b;
                    for (var k = 0; k < vector.Index.Length; k++)
                    {
                        margin += w[vector.Index[k]] * vector.Value[k] * scale[vector.Index[k]];
                    }

                    var gradient = (sign * margin) - 1 + (diagonal[r] * alpha[r]);
                    var projected = alpha[r] == 0 ? Math.Min(gradient, 0) : gradient;
                    if (projected == 0)
                    {
                        continue;
                    }

                    largest = Math.Max(largest, Math.Abs(projected));
                    var old = alpha[r];
                    alpha[r] = Math.Max(old - (gradient / curvature[r]), 0);
                    var step = (alpha[r] - old) * sign;
                    for (var k = 0; k < vector.Index.Length; k++)
                    {
                        w[vector.Index[k]] += step * vector.Value[k] * scale[vector.Index[k]];
                    }

                    b += step;
                }

                if (largest < DualTolerance)
                {
                    break;
                }
            }

            // The label's score is w · (scale ∘ x) = (w ∘ scale) · x: the scaling is stored in the weights.
            for (var t = 0; t < termCount; t++)
            {
                weights[(t * labelCount) + label] = (float)(w[t] * scale[t]);
            }

            bias[label] = (float)b;
        });

        return (weights, bias);
    }

    /// <summary>
    /// The square root of each term's absolute log-count ratio for <paramref name="label"/>: the log of how much more
    /// often, as a share of all term occurrences (each counted once per petition, plus one), the term appears in the
    /// label's petitions than in the others'. Only the size matters: the sign would only flip the sign of the weight.
    /// </summary>
    private static double[] LogCountRatioScale(int[] presence, int[] total, int termCount, int labelCount, int label)
    {
        double inLabel = 0, outside = 0;
        for (var t = 0; t < termCount; t++)
        {
            inLabel += presence[(t * labelCount) + label] + 1;
            outside += total[t] - presence[(t * labelCount) + label] + 1;
        }

        var scale = new double[termCount];
        for (var t = 0; t < termCount; t++)
        {
            var count = presence[(t * labelCount) + label];
            scale[t] = Math.Sqrt(Math.Abs(Math.Log((count + 1) / inLabel / ((total[t] - count + 1) / outside))));
        }

        return scale;
    }

    /// <summary>The temperature that minimises the log loss on the held-back rows (a one-dimensional golden search).</summary>
    private static double FitTemperature(SparseVector[] vectors, int[] targets, int[] rows, float[] weights, float[] bias, int labelCount)
    {
        double Loss(double t)
        {
            var loss = 0.0;
            foreach (var i in rows)
            {
                var p = PetitionClassifier.Probabilities(vectors[i], weights, bias, labelCount, t);
                loss -= Math.Log(Math.Max(p[targets[i]], 1e-12));
            }

            return loss;
        }

        double low = 0.05, high = 20;
        var golden = (Math.Sqrt(5) - 1) / 2;
        for (var step = 0; step < 40; step++)
        {
            var a = high - (golden * (high - low));
            var b = low + (golden * (high - low));
            if (Loss(a) < Loss(b))
            {
                high = b;
            }
            else
            {
                low = a;
            }
        }

        return (low + high) / 2;
    }
}
