namespace EPeople.Workflows.Runtime;

/// <summary>Thrown by an activity that cannot do its work with the data it has (e.g. an empty institution list): an incident.</summary>
public sealed class ActivityFaultException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ActivityFaultException(string message)
        : base(message)
    {
    }
}
