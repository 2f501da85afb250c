namespace EPeople.Workflows.Activities;

/// <summary>How an activity behaves in a run: where it may stand in a flow and whether it waits.</summary>
public enum ActivityKind
{
    /// <summary>The single start of a flow.</summary>
    Start,

    /// <summary>Runs and continues at once (decisions, variables, notices).</summary>
    Automatic,

    /// <summary>Waits for a person, a timer or an event; the command ends and commits here.</summary>
    WaitState,

    /// <summary>Splits or joins parallel branches.</summary>
    Control,

    /// <summary>Ends the instance.</summary>
    Terminal,
}
