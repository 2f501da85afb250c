namespace EPeople.Workflows.Runtime;

/// <summary>Thrown by an activity when a resume is not acceptable (an action the task does not offer): nothing is changed.</summary>
public sealed class CommandRejectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CommandRejectedException(string message)
        : base(message)
    {
    }
}
