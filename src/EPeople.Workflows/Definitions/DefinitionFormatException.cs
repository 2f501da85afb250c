namespace EPeople.Workflows.Definitions;

/// <summary>The text is not a readable definition document (bad JSON, wrong value types).</summary>
public sealed class DefinitionFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DefinitionFormatException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
