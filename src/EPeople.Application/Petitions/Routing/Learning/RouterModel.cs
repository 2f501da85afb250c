namespace EPeople.Application.Petitions.Routing.Learning;

/// <summary>What a model's labels name: a board category (mapped to an institution by the category mapping) or an institution code.</summary>
public enum RouterLabelKind
{
    Category,
    Institution,
}

/// <summary>How a model scored on petitions it had not seen (shares from 0 to 1).</summary>
public sealed record RouterScore(int Count, double Top1, double Top3, double CoverageAt80, double CoverageAt90)
{
    public static RouterScore Of(ClassifierEvaluation evaluation) =>
        new(evaluation.Count, evaluation.Top1, evaluation.Top3, evaluation.CoverageAt80, evaluation.CoverageAt90);

    public override string ToString() =>
        $"top-1 {Top1:P1}, top-3 {Top3:P1}, routed automatically at 80 % precision {CoverageAt80:P1}, at 90 % {CoverageAt90:P1} (n = {Count:N0})";
}

/// <summary>Where a model came from, kept inside the model file so a file always says what it is.</summary>
/// <param name="Source">What it was trained on, with the data's attribution when the data is not the system's own.</param>
/// <param name="ReadsBody">
/// Whether it learnt from title and text (the system's own history) or from titles alone (the national petitions
/// data has no text): a petition is read the way the model was taught.
/// </param>
/// <param name="Evaluation">Its score on the held-back newest history, when it was measured.</param>
public sealed record RouterModelInfo(
    RouterLabelKind LabelKind, bool ReadsBody, DateTimeOffset TrainedAt, int TrainingCount, DateOnly NewestExample, string Source, RouterScore? Evaluation);

/// <summary>A trained classifier and its provenance: the unit that is saved, versioned and loaded by the router.</summary>
public sealed record RouterModel(PetitionClassifier Classifier, RouterModelInfo Info);
