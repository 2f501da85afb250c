namespace EPeople.Application.Petitions.Routing.Learning;

/// <summary>
/// How a classifier is trained. The defaults were chosen on the 2019 petitions by training on January–August and
/// testing on September–December (see the README's router section).
/// </summary>
public sealed record ClassifierTrainingOptions
{
    /// <summary>Passes over the examples.</summary>
    public int Epochs { get; init; } = 8;

    /// <summary>AdaGrad's base step.</summary>
    public double LearningRate { get; init; } = 0.5;

    /// <summary>L2 penalty applied to every weight an example touches.</summary>
    public double L2 { get; init; } = 1e-6;

    /// <summary>A term must appear in this many petitions to be learnt.</summary>
    public int MinTermCount { get; init; } = 2;

    /// <summary>
    /// An example's weight halves for every this many days it is older than the newest one: what citizens write
    /// about drifts, and the newest history says most about the next petition. Zero weighs all alike.
    /// </summary>
    public double HalfLifeDays { get; init; } = 60;

    /// <summary>The newest share of the examples held back to calibrate the confidence.</summary>
    public double CalibrationShare { get; init; } = 0.1;

    public TermShape Shape { get; init; } = TermShape.Default;

    /// <summary>Fixes the shuffling, so the same examples always give the same model.</summary>
    public int Seed { get; init; } = 20190101;
}
