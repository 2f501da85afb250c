namespace EPeople.Workflows.Runtime;

/// <summary>What a node did with its token.</summary>
public abstract record ActivityResult
{
    /// <summary>The token waits on the bookmark the activity created (the command may commit here).</summary>
    public static readonly ActivityResult Wait = new WaitResult();

    /// <summary>The token is used up without continuing (e.g. a join still waiting for other branches).</summary>
    public static readonly ActivityResult Consumed = new ConsumedResult();

    /// <summary>Go on along one outcome port.</summary>
    public static ActivityResult Continue(string port) => new ContinueResult(port);

    /// <summary>Go on along several ports in parallel, in a new fork scope.</summary>
    public static ActivityResult Branch(IReadOnlyList<string> ports) => new BranchResult(ports);

    /// <summary>End the instance with a status.</summary>
    public static ActivityResult End(string status) => new EndResult(status);
}

/// <summary>Go on along a port.</summary>
public sealed record ContinueResult(string Port) : ActivityResult;

/// <summary>Go on along several ports in parallel.</summary>
public sealed record BranchResult(IReadOnlyList<string> Ports) : ActivityResult;

/// <summary>The token waits.</summary>
public sealed record WaitResult : ActivityResult;

/// <summary>The token is used up.</summary>
public sealed record ConsumedResult : ActivityResult;

/// <summary>The instance ends.</summary>
public sealed record EndResult(string Status) : ActivityResult;
