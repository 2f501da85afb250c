namespace EPeople.Workflows.Expressions;

/// <summary>An expression failed at run time (an error, a limit, a wrong type); the token is parked as an incident.</summary>
public sealed class ExpressionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ExpressionException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
