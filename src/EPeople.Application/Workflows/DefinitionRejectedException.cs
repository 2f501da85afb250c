using EPeople.Workflows.Validation;

namespace EPeople.Application.Workflows;

/// <summary>A definition that does not validate cannot be published (start-up, import, API: one rule set).</summary>
public sealed class DefinitionRejectedException(string source, IReadOnlyList<DefinitionProblem> problems)
    : Exception($"{source} is not a valid workflow definition:\n  " + string.Join("\n  ", problems))
{
    public IReadOnlyList<DefinitionProblem> Problems { get; } = problems;
}
