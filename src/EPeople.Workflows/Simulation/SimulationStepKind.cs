namespace EPeople.Workflows.Simulation;

/// <summary>What an analyst did in one step of a test run.</summary>
public enum SimulationStepKind
{
    /// <summary>The run started at the Receive node.</summary>
    Started,

    /// <summary>An action was taken on an open task.</summary>
    Action,

    /// <summary>The virtual clock moved to a timer and fired it.</summary>
    Timer,

    /// <summary>An event was delivered (to a waiting node, a case-level handler, or the inbox).</summary>
    Event,

    /// <summary>The run was cancelled.</summary>
    Cancelled,
}
