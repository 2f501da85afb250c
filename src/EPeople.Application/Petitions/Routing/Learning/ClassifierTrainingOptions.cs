namespace EPeople.Application.Petitions.Routing.Learning;

/// <summary>
/// How a classifier is trained. The defaults were chosen on the 2019 petitions by training on those that closed by
/// 30 June and validating on those that closed in July and August; the choice was then confirmed once by training on
/// everything closed by 31 August and testing on September–December, which was never used to choose.
/// </summary>
public sealed record ClassifierTrainingOptions
{
    /// <summary>
    /// The squared hinge's cost per example (an SVM's C): smaller keeps the weights smaller and the model nearer the
    /// general words of a board than the titles it was trained on. 0.2 validated best between 0.05 and 1.
    /// </summary>
    public double C { get; init; } = 0.2;

    /// <summary>
    /// How much more a whole word, its stem or a pair of neighbouring stems weighs in a petition's vector than a
    /// character n-gram (it multiplies their inverse document frequency): a word is a surer sign of the topic than its
    /// fragments, and 1.5 validated slightly better than 1 or 2 (within the noise of 1,193 petitions).
    /// </summary>
    public double WordWeight { get; init; } = 1.5;

    /// <summary>A term must appear in this many petitions to be learnt.</summary>
    public int MinTermCount { get; init; } = 2;

    /// <summary>The newest share of the examples held back to calibrate the confidence.</summary>
    public double CalibrationShare { get; init; } = 0.1;

    public TermShape Shape { get; init; } = TermShape.Default;

    /// <summary>Fixes the shuffling, so the same examples always give the same model.</summary>
    public int Seed { get; init; } = 20190101;
}
