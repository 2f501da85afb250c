namespace EPeople.Workflows.Validation;

/// <summary>Errors block saving a valid version and publishing; warnings must be acknowledged.</summary>
public enum ProblemSeverity
{
    /// <summary>The definition cannot be published.</summary>
    Error,

    /// <summary>Allowed, but probably not what was meant.</summary>
    Warning,
}
