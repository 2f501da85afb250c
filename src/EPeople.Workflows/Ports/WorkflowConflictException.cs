namespace EPeople.Workflows.Ports;

/// <summary>Another command changed the instance first (version moved) or the same operation committed concurrently.</summary>
public sealed class WorkflowConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WorkflowConflictException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
