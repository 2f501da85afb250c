namespace EPeople.Workflows.Validation;

/// <summary>One finding of the validator: which node, which rule, what is wrong and how to fix it.</summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="Rule">The rule's stable name (see <see cref="Rules"/>), e.g. <c>outcomes-wired</c>.</param>
/// <param name="NodeId">The node concerned, or null for the whole definition.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Hint">How to fix it.</param>
public sealed record DefinitionProblem(ProblemSeverity Severity, string Rule, string? NodeId, string Message, string Hint)
{
    /// <summary>One line for logs and the command line: <c>error [rule] node 'x': message — hint</c>.</summary>
    public override string ToString() =>
        $"{(Severity == ProblemSeverity.Error ? "error" : "warning")} [{Rule}]{(NodeId is null ? "" : $" node '{NodeId}'")}: {Message} — {Hint}";
}
