namespace EPeople.Workflows.Validation;

/// <summary>The validator's verdict on one definition.</summary>
/// <param name="Problems">Every finding, errors first.</param>
public sealed record ValidationReport(IReadOnlyList<DefinitionProblem> Problems)
{
    /// <summary>True when there is no error (warnings allowed).</summary>
    public bool IsValid => Problems.All(p => p.Severity != ProblemSeverity.Error);

    /// <summary>The errors only.</summary>
    public IEnumerable<DefinitionProblem> Errors => Problems.Where(p => p.Severity == ProblemSeverity.Error);
}
