namespace EPeople.Application.Petitions.Routing.Learning;

/// <summary>
/// Trains a <see cref="PetitionClassifier"/>: terms seen in at least <see cref="ClassifierTrainingOptions.MinTermCount"/>
/// petitions, examples weighted by recency, softmax regression by AdaGrad, then a temperature fitted on the newest
/// examples (held back from a first model) so that "90 %" means right nine times in ten on the latest petitions.
/// </summary>
public static class PetitionClassifierTrainer
{
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

        var (terms, idf) = Vocabulary(extracted, options.MinTermCount);
        var vectors = new SparseVector[examples.Count];
        Parallel.For(0, examples.Count, i => vectors[i] = PetitionClassifier.Vectorize(extracted[i], terms, idf));
        var targets = examples.Select(e => labelIndex[e.Label]).ToArray();
        var sampleWeights = RecencyWeights(examples, options.HalfLifeDays);

        // Calibrate on the newest examples with a model that has not seen them, then learn from everything.
        var byDate = Enumerable.Range(0, examples.Count).OrderBy(i => examples[i].Date).ThenBy(i => i).ToArray();
        var held = (int)Math.Round(examples.Count * options.CalibrationShare);
        var temperature = 1.0;
        if (held >= 50 && examples.Count - held >= 50)
        {
            var fitOn = byDate[..^held];
            progress?.Report($"training on the older {fitOn.Length:N0} to calibrate on the newest {held:N0}");
            var (w0, b0) = Fit(vectors, targets, sampleWeights, fitOn, terms.Count, labels.Length, options);
            temperature = FitTemperature(vectors, targets, byDate[^held..], w0, b0, labels.Length);
        }

        progress?.Report($"training on all {examples.Count:N0} ({terms.Count:N0} terms, {labels.Length} labels)");
        var (weights, bias) = Fit(vectors, targets, sampleWeights, byDate, terms.Count, labels.Length, options);
        return new PetitionClassifier(labels, terms, idf, weights, bias, temperature, options.Shape);
    }

    private static (Dictionary<string, int> Terms, float[] Idf) Vocabulary(List<string>[] extracted, int minCount)
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
            idf[i] = (float)(1 + Math.Log((1.0 + extracted.Length) / (1.0 + kept[i].Value)));
        }

        return (terms, idf);
    }

    private static double[] RecencyWeights(IReadOnlyList<LabelledPetition> examples, double halfLifeDays)
    {
        var weights = new double[examples.Count];
        var newest = examples.Max(e => e.Date).DayNumber;
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = halfLifeDays > 0 ? Math.Pow(0.5, (newest - examples[i].Date.DayNumber) / halfLifeDays) : 1;
        }

        var mean = weights.Average();
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] /= mean;
        }

        return weights;
    }

    private static (float[] Weights, float[] Bias) Fit(
        SparseVector[] vectors, int[] targets, double[] sampleWeights, int[] rows, int termCount, int labelCount, ClassifierTrainingOptions options)
    {
        var weights = new float[termCount * labelCount];
        var squares = new float[termCount * labelCount];
        var bias = new float[labelCount];
        var biasSquares = new float[labelCount];
        var order = (int[])rows.Clone();
        var random = new Random(options.Seed);
        var gradient = new double[labelCount];
        var rate = options.LearningRate;
        var l2 = options.L2;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var vector = vectors[i];
                var p = PetitionClassifier.Probabilities(vector, weights, bias, labelCount, 1.0);
                var sample = sampleWeights[i];
                for (var l = 0; l < labelCount; l++)
                {
                    gradient[l] = sample * (p[l] - (l == targets[i] ? 1 : 0));
                    biasSquares[l] += (float)(gradient[l] * gradient[l]);
                    bias[l] -= (float)(rate * gradient[l] / (1e-8 + Math.Sqrt(biasSquares[l])));
                }

                for (var k = 0; k < vector.Index.Length; k++)
                {
                    var offset = vector.Index[k] * labelCount;
                    var value = vector.Value[k];
                    for (var l = 0; l < labelCount; l++)
                    {
                        var g = (gradient[l] * value) + (l2 * weights[offset + l]);
                        squares[offset + l] += (float)(g * g);
                        weights[offset + l] -= (float)(rate * g / (1e-8 + Math.Sqrt(squares[offset + l])));
                    }
                }
            }
        }

        return (weights, bias);
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
