namespace EPeople.Application.Petitions.Routing.Learning;

/// <summary>A router model file that is missing, not a model, of a version this build cannot read, or damaged.</summary>
public sealed class RouterModelException : Exception
{
    public RouterModelException(string message)
        : base(message)
    {
    }

    public RouterModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RouterModelException()
    {
    }
}
