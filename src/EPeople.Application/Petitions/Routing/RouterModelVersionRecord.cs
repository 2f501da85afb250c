using EPeople.Application.Petitions.Routing.Learning;

namespace EPeople.Application.Petitions.Routing;

/// <summary>What became of a retrained model.</summary>
public enum RouterModelVerdict
{
    /// <summary>Not worse than the model in use on the held-back history: it routes petitions now (or did until a later one).</summary>
    Promoted,

    /// <summary>Worse than the model in use on the held-back history: recorded, never used.</summary>
    Rejected,

    /// <summary>Too little answered history to train or judge a model.</summary>
    Skipped,
}

/// <summary>
/// One run of router retraining: the candidate's evaluation on the newest answered petitions it did not learn from,
/// the model in use's evaluation on the same petitions, and the verdict. A promoted version's model file is stored
/// with it, so every node of a cluster loads the same model.
/// </summary>
public sealed class RouterModelVersionRecord
{
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public RouterModelVerdict Verdict { get; set; }

    /// <summary>Why the verdict, in words.</summary>
    public string Decision { get; set; } = "";

    public int TrainingCount { get; set; }
    public int HeldBackCount { get; set; }
    public double? Top1 { get; set; }
    public double? Top3 { get; set; }
    public double? CoverageAt80 { get; set; }
    public double? CoverageAt90 { get; set; }

    /// <summary>The model in use before this run, scored on the same held-back petitions.</summary>
    public double? IncumbentTop1 { get; set; }

    public double? IncumbentCoverageAt80 { get; set; }

    /// <summary>The model file (<see cref="RouterModelFile"/>), for promoted versions only.</summary>
    public byte[]? Model { get; set; }
}
