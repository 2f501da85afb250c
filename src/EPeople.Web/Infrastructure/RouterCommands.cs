using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using EPeople.Application.Petitions.Routing.Learning;

namespace EPeople.Web.Infrastructure;

/// <summary>
/// The router's command line (no database needed), reading petitions CSV files (<c>id,category,title,start_date,end_date,agrees</c>):
/// <list type="bullet">
/// <item><c>router train --input &lt;csv&gt; --out &lt;model&gt; [--source &lt;text&gt;]</c> trains a category model on the titles;</item>
/// <item><c>router evaluate --train &lt;csv&gt; --test &lt;csv&gt; [--json] [--confusion &lt;file&gt;]</c> trains on one file and scores the other:
/// top-1 and top-3 accuracy and the share routed automatically at 80 % and 90 % precision, the confusion matrix to a file;</item>
/// <item><c>router split --input &lt;csv&gt; --ended-by &lt;yyyy-mm-dd&gt; --train &lt;csv&gt; --test &lt;csv&gt;</c> splits by the end date, the way the router is judged;</item>
/// <item><c>router predict --model &lt;model&gt; --text &lt;title&gt;</c> shows what a model makes of one text, and why.</item>
/// </list>
/// Progress goes to standard error, so standard output carries only the result (one JSON line with <c>--json</c>).
/// </summary>
internal static class RouterCommands
{
    private const string Usage = """
        usage: router train --input <petitions.csv> --out <model> [--source <what the data is, with its licence>] [--evaluate-after <yyyy-mm-dd>]
               router evaluate --train <petitions.csv> --test <petitions.csv> [--json] [--confusion <file.csv>]
               router split --input <petitions.csv> --ended-by <yyyy-mm-dd> --train <out.csv> --test <out.csv>
               router predict --model <model> --text <title>
        """;

    public static bool IsRouterCommand(string[] args) => args.Length > 0 && args[0] == "router";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length < 2 || !CommandLineOptions.TryParse(args.AsSpan(2), ["json"], out var options, out var flags))
        {
            error.WriteLine(Usage);
            return 2;
        }

        try
        {
            return (args[1], options) switch
            {
                ("train", _) when Has(options, "input", "out") =>
                    Train(options["input"], options["out"], options.GetValueOrDefault("source"), DateOption(options, "evaluate-after"), output, error),
                ("evaluate", _) when Has(options, "train", "test") =>
                    Evaluate(options["train"], options["test"], flags.Contains("json"), options.GetValueOrDefault("confusion") ?? "router-confusion.csv", output, error),
                ("split", _) when Has(options, "input", "ended-by", "train", "test") => Split(options, output),
                ("predict", _) when Has(options, "model", "text") => Predict(options["model"], options["text"], output),
                _ => Fail(error, Usage),
            };
        }
        catch (Exception ex) when (ex is InvalidDataException or RouterModelException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine(ex.Message);
            return 1;
        }
    }

    /// <param name="evaluateAfter">
    /// When given, a model trained on the petitions that ended by this date is first scored on the later ones, and the
    /// score is stored in the model file as its evaluation (the model itself learns from every petition).
    /// </param>
    private static int Train(string input, string target, string? source, DateOnly? evaluateAfter, TextWriter output, TextWriter error)
    {
        var rows = PetitionCsv.Read(input);
        var watch = Stopwatch.StartNew();
        RouterScore? evaluation = null;
        if (evaluateAfter is { } date)
        {
            var test = ClassifierEvaluator.Examples(rows.Where(r => r.EndDate > date));
            if (test.Count == 0)
            {
                throw new InvalidDataException($"{input}: no petitions ended after {date:yyyy-MM-dd} to evaluate on.");
            }

            error.WriteLine($"[{watch.Elapsed.TotalSeconds,5:F1} s] evaluating: training on the petitions that ended by {date:yyyy-MM-dd}, testing on the {test.Count:N0} after");
            var earlier = PetitionClassifierTrainer.Train(ClassifierEvaluator.Examples(rows.Where(r => r.EndDate <= date)), new ClassifierTrainingOptions());
            evaluation = RouterScore.Of(ClassifierEvaluator.Evaluate(earlier, test));
            error.WriteLine($"[{watch.Elapsed.TotalSeconds,5:F1} s] {evaluation}");
        }

        var classifier = PetitionClassifierTrainer.Train(ClassifierEvaluator.Examples(rows), new ClassifierTrainingOptions(), Progress(error, watch));
        var info = new RouterModelInfo(RouterLabelKind.Category, ReadsBody: false, DateTimeOffset.UtcNow, rows.Count, rows.Max(r => r.StartDate),
            source ?? Path.GetFileName(input), evaluation);
        RouterModelFile.Save(new RouterModel(classifier, info), target);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trained on {rows.Count:N0} petitions ({classifier.TermCount:N0} terms, {classifier.Labels.Count} categories) in {watch.Elapsed.TotalSeconds:F1} s → {target} ({new FileInfo(target).Length / 1024.0 / 1024.0:F1} MB)"));
        return 0;
    }

    private static int Evaluate(string trainPath, string testPath, bool json, string confusionPath, TextWriter output, TextWriter error)
    {
        var train = ClassifierEvaluator.Examples(PetitionCsv.Read(trainPath));
        var test = ClassifierEvaluator.Examples(PetitionCsv.Read(testPath));
        if (test.Count == 0)
        {
            throw new InvalidDataException($"{testPath}: no petitions to test on.");
        }

        var watch = Stopwatch.StartNew();
        var classifier = PetitionClassifierTrainer.Train(train, new ClassifierTrainingOptions(), Progress(error, watch));
        error.WriteLine($"[{watch.Elapsed.TotalSeconds,5:F1} s] scoring {test.Count:N0} petitions");
        var evaluation = ClassifierEvaluator.Evaluate(classifier, test);
        using (var writer = new StreamWriter(confusionPath, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        {
            ClassifierEvaluator.WriteConfusion(evaluation, writer);
        }

        error.WriteLine($"confusion matrix (rows: true category, columns: predicted) → {confusionPath}");
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                top1 = Math.Round(evaluation.Top1, 4),
                top3 = Math.Round(evaluation.Top3, 4),
                coverageAt80 = Math.Round(evaluation.CoverageAt80, 4),
                coverageAt90 = Math.Round(evaluation.CoverageAt90, 4),
            }));
        }
        else
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trained on {train.Count:N0}, tested on {test.Count:N0} petitions"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"top-1 accuracy          {evaluation.Top1:F4}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"top-3 accuracy          {evaluation.Top3:F4}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"automatic at 80 % prec. {evaluation.CoverageAt80:F4}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"automatic at 90 % prec. {evaluation.CoverageAt90:F4}"));
        }

        return 0;
    }

    /// <summary>What a model makes of one text: its three best labels with their probability and strongest terms.</summary>
    private static int Predict(string modelPath, string text, TextWriter output)
    {
        var model = RouterModelFile.Load(modelPath);
        output.WriteLine($"{Path.GetFileName(modelPath)}: {model.Info.LabelKind} model, trained {model.Info.TrainedAt:yyyy-MM-dd} on {model.Info.TrainingCount:N0} petitions ({model.Info.Source})");
        foreach (var score in model.Classifier.Predict(text).Take(3))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{score.Probability,6:P1}  {score.Label}  ({string.Join(", ", score.StrongestTerms)})"));
        }

        return 0;
    }

    private static int Split(Dictionary<string, string> options, TextWriter output)
    {
        var endedBy = DateOption(options, "ended-by")!.Value;
        var rows = PetitionCsv.Read(options["input"]);
        var train = rows.Where(r => r.EndDate <= endedBy).ToList();
        var test = rows.Where(r => r.EndDate > endedBy).ToList();
        foreach (var (path, part) in new[] { (options["train"], train), (options["test"], test) })
        {
            using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            PetitionCsv.Write(part, writer);
        }

        output.WriteLine($"{train.Count:N0} petitions ended by {endedBy:yyyy-MM-dd} → {options["train"]}; {test.Count:N0} after → {options["test"]}");
        return 0;
    }

    private static DateOnly? DateOption(Dictionary<string, string> options, string name) =>
        !options.TryGetValue(name, out var text) ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new InvalidDataException($"--{name} {text}: give a date as yyyy-mm-dd.");

    private static Progress<string> Progress(TextWriter error, Stopwatch watch) =>
        new(step => error.WriteLine($"[{watch.Elapsed.TotalSeconds,5:F1} s] {step}"));

    private static bool Has(Dictionary<string, string> options, params string[] names) => names.All(options.ContainsKey);

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return 2;
    }
}
