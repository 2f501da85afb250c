using System.Globalization;
using System.Text;

namespace EPeople.Application.Petitions.Routing.Learning;

/// <summary>Runs a classifier over petitions it has not seen and scores it; writes the confusion matrix for people to read.</summary>
public static class ClassifierEvaluator
{
    /// <param name="translate">
    /// Maps the model's labels onto the test's (a category model is scored in institutions by the category mapping);
    /// labels that map to the same thing merge, keeping the more probable rank.
    /// </param>
    public static ClassifierEvaluation Evaluate(PetitionClassifier classifier, IReadOnlyList<LabelledPetition> test, Func<string, string>? translate = null)
    {
        var outcomes = new (string Truth, IReadOnlyList<string> Ranked, double Confidence)[test.Count];
        Parallel.For(0, test.Count, i =>
        {
            var scores = classifier.Predict(test[i].Text, explain: 0);
            var ranked = scores.Select(s => translate is null ? s.Label : translate(s.Label)).Distinct(StringComparer.Ordinal).ToArray();
            outcomes[i] = (test[i].Label, ranked, scores[0].Probability);
        });

        var labels = classifier.Labels.Select(l => translate is null ? l : translate(l))
            .Concat(test.Select(t => t.Label)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return ClassifierEvaluation.Measure(outcomes, labels);
    }

    /// <summary>The confusion matrix as CSV: a row per true label, a column per predicted label.</summary>
    public static void WriteConfusion(ClassifierEvaluation evaluation, TextWriter writer)
    {
        static string Field(string value) => value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal)
            ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : value;

        var line = new StringBuilder("true \\ predicted");
        foreach (var label in evaluation.Labels)
        {
            line.Append(',').Append(Field(label));
        }

        writer.WriteLine(line);
        for (var t = 0; t < evaluation.Labels.Count; t++)
        {
            line.Clear().Append(Field(evaluation.Labels[t]));
            for (var p = 0; p < evaluation.Labels.Count; p++)
            {
                line.Append(',').Append(evaluation.Confusion[t, p].ToString(CultureInfo.InvariantCulture));
            }

            writer.WriteLine(line);
        }
    }

    /// <summary>The rows of a petitions CSV as examples: the title to read, the board category as the label, the filing date.</summary>
    public static List<LabelledPetition> Examples(IEnumerable<PetitionCsvRow> rows) =>
        [.. rows.Select(r => new LabelledPetition(r.Title, r.Category, r.StartDate))];
}
