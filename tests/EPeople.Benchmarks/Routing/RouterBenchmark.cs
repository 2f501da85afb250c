using System.Diagnostics;
using System.Globalization;
using EPeople.Application.Petitions.Routing.Learning;

namespace EPeople.Benchmarks.Routing;

/// <summary>
/// The router against its anchor in one run (issue 6): both trained on the petitions that ended by a date and tested
/// on the later ones (a later period, never a random split), the four figures side by side; then training on the
/// whole file (the shipped model's job) and the time to route one petition, p50/p95/p99 over the test titles.
/// </summary>
internal static class RouterBenchmark
{
    public static void Run(string input, DateOnly endedBy)
    {
        Console.WriteLine($"Router benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load {Load()}");
        Console.WriteLine($"{input}: train on petitions ended by {endedBy:yyyy-MM-dd}, test on the later ones");
        var rows = PetitionCsv.Read(input);
        var train = ClassifierEvaluator.Examples(rows.Where(r => r.EndDate <= endedBy));
        var test = ClassifierEvaluator.Examples(rows.Where(r => r.EndDate > endedBy));
        Console.WriteLine($"{train.Count:N0} to train on, {test.Count:N0} to test on");

        var watch = Stopwatch.StartNew();
        var anchor = LinearSvmAnchor.Train(train);
        var anchorTraining = watch.Elapsed;
        var outcomes = test.Select(t =>
        {
            var (ranked, confidence) = anchor.Predict(t.Text);
            return (t.Label, ranked, confidence);
        }).ToList();
        var labels = train.Concat(test).Select(t => t.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var anchorScore = ClassifierEvaluation.Measure(outcomes, labels);
        Print("anchor (TF-IDF char 1–3-grams, linear SVM)", anchorScore, anchorTraining);

        watch.Restart();
        var ours = PetitionClassifierTrainer.Train(train, new ClassifierTrainingOptions());
        var oursTraining = watch.Elapsed;
        var oursScore = ClassifierEvaluator.Evaluate(ours, test);
        Print("EPeople router", oursScore, oursTraining);

        // Scored again as it ships: written to its file format (weights as bytes per term) and read back.
        using (var file = new MemoryStream())
        {
            RouterModelFile.Save(new RouterModel(ours, new RouterModelInfo(RouterLabelKind.Category, false, DateTimeOffset.UtcNow, train.Count, endedBy, input, null)), file);
            var size = file.Length;
            file.Position = 0;
            var shipped = RouterModelFile.Load(file, "benchmark model");
            Print($"EPeople router, read back from its file ({size / 1024.0 / 1024.0:F1} MB)", ClassifierEvaluator.Evaluate(shipped.Classifier, test), training: null);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"versus the anchor: top-1 {100 * (oursScore.Top1 - anchorScore.Top1):+0.0;-0.0} points (goal ≥ +5), top-3 {100 * (oursScore.Top3 - anchorScore.Top3):+0.0;-0.0} points, " +
            $"coverage at 80 % {Ratio(oursScore.CoverageAt80, anchorScore.CoverageAt80)} (goal ≥ 2×), at 90 % {Ratio(oursScore.CoverageAt90, anchorScore.CoverageAt90)}"));

        var all = ClassifierEvaluator.Examples(rows);
        watch.Restart();
        var full = PetitionClassifierTrainer.Train(all, new ClassifierTrainingOptions());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"training on all {all.Count:N0} titles: {watch.Elapsed.TotalSeconds:F1} s (goal ≤ 60 s), {full.TermCount:N0} terms"));

        // One petition at a time, as filing routes: the model's part of routing (terms, scores, calibrated
        // probabilities, the strongest terms of the first six labels for the reasons).
        foreach (var t in test.Take(200))
        {
            full.Predict(t.Text, explain: 6);
        }

        var times = new List<double>(test.Count);
        foreach (var t in test)
        {
            var start = Stopwatch.GetTimestamp();
            full.Predict(t.Text, explain: 6);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"routing one petition: p50 {Percentile(times, 0.5):F3} ms, p95 {Percentile(times, 0.95):F3} ms (goal ≤ 2 ms), p99 {Percentile(times, 0.99):F3} ms"));
    }

    private static void Print(string name, ClassifierEvaluation score, TimeSpan? training) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-52} top-1 {score.Top1:F3}  top-3 {score.Top3:F3}  coverage@80 {score.CoverageAt80:F3}  coverage@90 {score.CoverageAt90:F3}{(training is { } t ? $"  (trained in {t.TotalSeconds:F1} s)" : "")}"));

    private static string Ratio(double ours, double anchor) =>
        anchor > 0 ? string.Create(CultureInfo.InvariantCulture, $"{ours / anchor:F2}×") : "n/a (anchor 0)";

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
