using EPeople.Workflows.Definitions;

namespace EPeople.Workflows.Activities;

/// <summary>How an input is written in a definition.</summary>
public enum InputSyntax
{
    /// <summary>An expression wrapper (Literal, JavaScript or Liquid).</summary>
    Expression,

    /// <summary>Plain JSON (an array of actions, of cases, of deadlines…).</summary>
    Structured,
}

/// <summary>One input of an activity type, as the designer shows it and the validator checks it.</summary>
/// <param name="Name">The input's key in <c>inputs</c>.</param>
/// <param name="Type">A registered type alias (<see cref="TypeAliases"/>) of the value.</param>
/// <param name="DisplayName">The label in the property panel.</param>
/// <param name="Description">Help text.</param>
/// <param name="Required">Whether the node is invalid without it.</param>
/// <param name="Syntax">Expression wrapper or plain JSON.</param>
/// <param name="Languages">The expression languages allowed (empty for structured inputs).</param>
/// <param name="UiHint">The editor to use: single-line, multi-line, duration, assignment, actions, deadlines, cases, branches, dropdown, code.</param>
/// <param name="Options">Allowed literal values for a dropdown.</param>
public sealed record InputDescriptor(
    string Name,
    string Type,
    string DisplayName,
    string Description,
    bool Required = false,
    InputSyntax Syntax = InputSyntax.Expression,
    IReadOnlyList<ExpressionLanguage>? Languages = null,
    string UiHint = "single-line",
    IReadOnlyList<string>? Options = null)
{
    /// <summary>The languages allowed, Literal only by default.</summary>
    public IReadOnlyList<ExpressionLanguage> AllowedLanguages =>
        Syntax == InputSyntax.Structured ? [] : Languages ?? [ExpressionLanguage.Literal];
}
