namespace EPeople.Workflows.Simulation;

/// <summary>Where a test run stands.</summary>
public enum SimulationStatus
{
    /// <summary>Not started yet.</summary>
    NotStarted,

    /// <summary>Tokens wait on tasks, timers or events (some may be parked on incidents).</summary>
    Running,

    /// <summary>An End was reached.</summary>
    Completed,

    /// <summary>The run was cancelled.</summary>
    Cancelled,

    /// <summary>A node failed under <c>incidentPolicy: FaultInstance</c>.</summary>
    Faulted,
}
