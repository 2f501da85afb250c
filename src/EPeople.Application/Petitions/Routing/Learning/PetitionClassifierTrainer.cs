namespace EPeople.Application.Petitions.Routing.Learning;

/// <summary>
/// Trains a <see cref="PetitionClassifier"/>: terms seen in at least <see cref="ClassifierTrainingOptions.MinTermCount"/>
/// petitions, examples weighted by recency, weights fitted to the chosen <see cref="TrainingLoss"/> (the squared hinge
/// solved exactly by dual coordinate descent, the other losses by AdaGrad, optionally averaged over the passes; the
/// biases optionally moved to the newest label mix), then a temperature fitted on the newest examples (held back from
/// a first model) so that "90 %" means right nine times in ten on the latest petitions.
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

        if (options.DropDuplicates)
        {
            examples = WithoutDuplicates(examples);
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
            ExpectRecentMix(b0, targets, sampleWeights, fitOn, options);
            temperature = FitTemperature(vectors, targets, byDate[^held..], w0, b0, labels.Length);
        }

        progress?.Report($"training on all {examples.Count:N0} ({terms.Count:N0} terms, {labels.Length} labels)");
        var (weights, bias) = Fit(vectors, targets, sampleWeights, byDate, terms.Count, labels.Length, options);
        ExpectRecentMix(bias, targets, sampleWeights, byDate, options);
        return new PetitionClassifier(labels, terms, idf, weights, bias, temperature, options.Shape);
    }

    /// <summary>The examples with each repeated title and label kept once, as its newest copy.</summary>
    private static List<LabelledPetition> WithoutDuplicates(IReadOnlyList<LabelledPetition> examples)
    {
        var newest = new Dictionary<(string Text, string Label), LabelledPetition>();
        foreach (var example in examples)
        {
            var key = (example.Text, example.Label);
            if (!newest.TryGetValue(key, out var seen) || seen.Date < example.Date)
            {
                newest[key] = example;
            }
        }

        return examples.Where(e => ReferenceEquals(newest[(e.Text, e.Label)], e)).ToList();
    }

    /// <summary>
    /// Moves the biases from the label mix the model learnt (all examples, as weighted) toward the mix of the newest
    /// ones: which boards citizens write to shifts over the year, and the next petition follows the recent mix.
    /// </summary>
    private static void ExpectRecentMix(float[] bias, int[] targets, double[] sampleWeights, int[] rowsByDate, ClassifierTrainingOptions options)
    {
        var recent = (int)Math.Round(rowsByDate.Length * options.PriorShare);
        if (recent == 0 || options.PriorStrength == 0)
        {
            return;
        }

        // One pseudo-count per label keeps a label the newest examples happen to lack from being ruled out.
        var learnt = new double[bias.Length];
        var expected = new double[bias.Length];
        Array.Fill(learnt, 1.0);
        Array.Fill(expected, 1.0);
        foreach (var i in rowsByDate)
        {
            learnt[targets[i]] += sampleWeights[i];
        }

        foreach (var i in rowsByDate[^recent..])
        {
            expected[targets[i]]++;
        }

        var learntTotal = learnt.Sum();
        var expectedTotal = expected.Sum();
        for (var l = 0; l < bias.Length; l++)
        {
            bias[l] += (float)(options.PriorStrength * Math.Log(expected[l] / expectedTotal / (learnt[l] / learntTotal)));
        }
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
        return options.Loss == TrainingLoss.SquaredHinge
            ? FitSquaredHinge(vectors, targets, sampleWeights, rows, termCount, labelCount, options.C, options.Seed)
            : FitAdaGrad(vectors, targets, sampleWeights, rows, termCount, labelCount, options);
    }

    /// <summary>
    /// One L2-regularised squared-hinge problem per label (that label against all others), each solved exactly by dual
    /// coordinate descent (Hsieh et al., 2008) with the bias as a feature of constant value one. An example's cost is
    /// <paramref name="c"/> times its sample weight. The labels' problems are independent, so they run in parallel,
    /// each writing its own column of the weights.
    /// </summary>
    private static (float[] Weights, float[] Bias) FitSquaredHinge(
        SparseVector[] vectors, int[] targets, double[] sampleWeights, int[] rows, int termCount, int labelCount, double c, int seed)
    {
        var weights = new float[termCount * labelCount];
        var bias = new float[labelCount];

        // Only the signs differ between the labels' problems: the rows, their squared norms (plus one for the bias
        // feature) and their costs are shared. A row of weight zero would have an infinite diagonal: it is left out.
        var used = rows.Where(i => sampleWeights[i] > 0).ToArray();
        var curvature = new double[used.Length];
        var diagonal = new double[used.Length];
        for (var r = 0; r < used.Length; r++)
        {
            var value = vectors[used[r]].Value;
            var squares = 1.0;
            for (var k = 0; k < value.Length; k++)
            {
                squares += value[k] * value[k];
            }

            diagonal[r] = 1 / (2 * c * sampleWeights[used[r]]);
            curvature[r] = squares + diagonal[r];
        }

        Parallel.For(0, labelCount, label =>
        {
            var w = new double[termCount];
            var b = 0.0;
            var alpha = new double[used.Length];
            var order = Enumerable.Range(0, used.Length).ToArray();
            var random = new Random(seed + label);
            for (var pass = 0; pass < MaxDualPasses; pass++)
            {
                random.Shuffle(order);
                var largest = 0.0;
                foreach (var r in order)
                {
                    var vector = vectors[used[r]];
                    var sign = targets[used[r]] == label ? 1.0 : -1.0;
                    var margin = b;
                    for (var k = 0; k < vector.Index.Length; k++)
                    {
                        margin += w[vector.Index[k]] * vector.Value[k];
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
                        w[vector.Index[k]] += step * vector.Value[k];
                    }

                    b += step;
                }

                if (largest < DualTolerance)
                {
                    break;
                }
            }

            for (var t = 0; t < termCount; t++)
            {
                weights[(t * labelCount) + label] = (float)w[t];
            }

            bias[label] = (float)b;
        });

        return (weights, bias);
    }

    private static (float[] Weights, float[] Bias) FitAdaGrad(
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

        // The average of the weights after each step, kept lazily: with w the weights after step T of the averaged
        // passes, their mean is w - (1/T) Σ (t - 1) Δt, so only the weights a step changes are touched.
        // A small history (a new deployment's first retraining) gets more passes: with the step size tuned for tens of
        // thousands of petitions, five passes over a few hundred would leave the weights near zero and the bias,
        // i.e. the most common label, deciding everything.
        var epochs = Math.Max(options.Epochs, (int)Math.Ceiling((double)options.MinimumSteps / Math.Max(rows.Length, 1)));
        var averaged = options.Averaged && options.AverageFromEpoch < epochs;
        var lag = averaged ? new double[weights.Length] : [];
        var biasLag = new double[labelCount];
        var steps = 0L;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            var averaging = averaged && epoch >= options.AverageFromEpoch;
            foreach (var i in order)
            {
                var vector = vectors[i];
                var scores = PetitionClassifier.Scores(vector, weights, bias, labelCount);
                LossGradient(options.Loss, scores, targets[i], sampleWeights[i], gradient);
                for (var l = 0; l < labelCount; l++)
                {
                    biasSquares[l] += (float)(gradient[l] * gradient[l]);
                    var step = rate * gradient[l] / (1e-8 + Math.Sqrt(biasSquares[l]));
                    bias[l] -= (float)step;
                    if (averaging)
                    {
                        biasLag[l] -= steps * step;
                    }
                }

                for (var k = 0; k < vector.Index.Length; k++)
                {
                    var offset = vector.Index[k] * labelCount;
                    var value = vector.Value[k];
                    for (var l = 0; l < labelCount; l++)
                    {
                        var g = (gradient[l] * value) + (l2 * weights[offset + l]);
                        squares[offset + l] += (float)(g * g);
                        var step = rate * g / (1e-8 + Math.Sqrt(squares[offset + l]));
                        weights[offset + l] -= (float)step;
                        if (averaging)
                        {
                            lag[offset + l] -= steps * step;
                        }
                    }
                }

                steps += averaging ? 1 : 0;
            }
        }

        if (averaged && steps > 0)
        {
            for (var j = 0; j < weights.Length; j++)
            {
                weights[j] -= (float)(lag[j] / steps);
            }

            for (var l = 0; l < labelCount; l++)
            {
                bias[l] -= (float)(biasLag[l] / steps);
            }
        }

        return (weights, bias);
    }

    /// <summary>The gradient of the example's loss with respect to each label's score.</summary>
    private static void LossGradient(TrainingLoss loss, double[] scores, int target, double sampleWeight, double[] gradient)
    {
        if (loss == TrainingLoss.Softmax)
        {
            PetitionClassifier.Softmax(scores, 1.0);
        }

        for (var l = 0; l < scores.Length; l++)
        {
            var y = l == target ? 1.0 : 0.0;
            gradient[l] = sampleWeight * (loss switch
            {
                TrainingLoss.Softmax => scores[l] - y,
                TrainingLoss.Logistic => (1 / (1 + Math.Exp(-scores[l]))) - y,
                // max(0, 1 - sign · score)², with sign +1 for the petition's label and -1 for the others.
                _ => -2 * ((2 * y) - 1) * Math.Max(0, 1 - (((2 * y) - 1) * scores[l])),
            });
        }
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
