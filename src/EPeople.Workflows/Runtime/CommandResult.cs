namespace EPeople.Workflows.Runtime;

/// <summary>What became of a command.</summary>
public enum CommandOutcome
{
    /// <summary>Applied: commit the state and delta.</summary>
    Applied,

    /// <summary>The bookmark or timer is gone (someone else acted first, or a replay): nothing to do.</summary>
    AlreadyHandled,

    /// <summary>Nobody waits for the event: the delta holds it for the inbox.</summary>
    Buffered,

    /// <summary>The command is not acceptable in this state (unknown action, instance ended…): nothing changed.</summary>
    Rejected,
}

/// <summary>The engine's answer: the new state and everything to write with it.</summary>
/// <param name="Outcome">Applied, already handled, buffered or rejected.</param>
/// <param name="State">The state after the command (unchanged unless applied).</param>
/// <param name="Delta">The projections, effects and history to commit.</param>
/// <param name="Message">Why it was rejected or already handled.</param>
public sealed record CommandResult(CommandOutcome Outcome, InstanceState State, ExecutionDelta Delta, string? Message = null);
