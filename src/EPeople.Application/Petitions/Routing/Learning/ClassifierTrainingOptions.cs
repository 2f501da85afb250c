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

    /// <summary>Passes over the examples (AdaGrad losses only).</summary>
    public int Epochs { get; init; } = 5;

    /// <summary>At least this many example steps in all: passes are added when there are few examples (AdaGrad losses only).</summary>
    public int MinimumSteps { get; init; } = 100_000;

    /// <summary>AdaGrad's base step (the softmax and logistic losses). Larger steps fit the older, denser months too closely and route newer petitions worse.</summary>
    public double LearningRate { get; init; } = 0.03;

    /// <summary>L2 penalty applied to every weight an example touches (AdaGrad losses only; the squared hinge uses <see cref="C"/>).</summary>
    public double L2 { get; init; } = 1e-3;

    /// <summary>A term must appear in this many petitions to be learnt.</summary>
    public int MinTermCount { get; init; } = 2;

    /// <summary>
    /// An example's weight halves for every this many days it is older than the newest one: what citizens write
    /// about drifts. Zero weighs all alike, which validated best: the recent months are few petitions, and leaning on
    /// them cost more than the drift they follow.
    /// </summary>
    public double HalfLifeDays { get; init; }

    /// <summary>What the weights are fitted to; the softmax with the fitted temperature turns any of them into probabilities.</summary>
    /// <remarks>
    /// The squared hinge per label routed best and ranked its confidence best: a label's score only has to clear the
    /// margin, so the weights do not keep growing to make the older, denser months' titles certain. It is solved
    /// exactly (dual coordinate descent), which routed as well as AdaGrad's approximate solution on validation and
    /// ranked its confidence better: about a quarter rather than a fifth of the petitions were routed at 80 % accuracy.
    /// </remarks>
    public TrainingLoss Loss { get; init; } = TrainingLoss.SquaredHinge;

    /// <summary>
    /// Whether the model keeps the average of the weights over the passes from <see cref="AverageFromEpoch"/> on,
    /// rather than the last ones: the average forgets the noise of the latest steps, which a linear text model with
    /// far more terms than examples would otherwise carry into its scores. Off by default: AdaGrad's shrinking steps
    /// already settle the weights, and on validation the average routed no better.
    /// </summary>
    public bool Averaged { get; init; }

    /// <summary>The first pass (counted from zero) whose weights go into the average.</summary>
    public int AverageFromEpoch { get; init; } = 1;

    /// <summary>
    /// Whether a petition whose exact title and label were seen before is learnt once (the newest copy). Off by
    /// default: a title filed many times is a topic many citizens raise, and dropping the copies validated slightly
    /// worse.
    /// </summary>
    public bool DropDuplicates { get; init; }

    /// <summary>
    /// The newest share of the examples whose label mix the model should expect; zero keeps the mix of all of them.
    /// The shift is a log-odds one, so it suits the <see cref="TrainingLoss.Softmax"/> loss; with the squared hinge it
    /// overshoots, which is why it is off by default.
    /// </summary>
    public double PriorShare { get; init; }

    /// <summary>How far the biases move toward the newest label mix (one moves them all the way).</summary>
    public double PriorStrength { get; init; } = 1;

    /// <summary>The newest share of the examples held back to calibrate the confidence.</summary>
    public double CalibrationShare { get; init; } = 0.1;

    public TermShape Shape { get; init; } = TermShape.Default;

    /// <summary>Fixes the shuffling, so the same examples always give the same model.</summary>
    public int Seed { get; init; } = 20190101;
}

/// <summary>The loss a classifier's weights minimise.</summary>
public enum TrainingLoss
{
    /// <summary>All labels against each other: the log loss of one softmax.</summary>
    Softmax,

    /// <summary>Each label against all the others: a logistic loss per label.</summary>
    Logistic,

    /// <summary>Each label against all the others: a squared hinge per label, as a linear SVM.</summary>
    SquaredHinge,
}
