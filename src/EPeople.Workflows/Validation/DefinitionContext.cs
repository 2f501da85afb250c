using System.Text.Json;
using System.Text.Json.Nodes;
using EPeople.Workflows.Activities;
using EPeople.Workflows.Calendar;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Expressions;

namespace EPeople.Workflows.Validation;

/// <summary>What a node's checks can see of the whole definition, and where they report.</summary>
public sealed class DefinitionContext
{
    private readonly List<DefinitionProblem> _problems = [];
    private readonly Dictionary<string, int> _inbound;

    internal DefinitionContext(WorkflowDefinition definition, EventRegistry events)
    {
        Definition = definition;
        Events = events;
        Variables = definition.Variables.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        _inbound = definition.Connections.GroupBy(c => c.Target.Activity).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    /// <summary>The definition being checked.</summary>
    public WorkflowDefinition Definition { get; }

    /// <summary>The registered event names.</summary>
    public EventRegistry Events { get; }

    /// <summary>The declared variable names.</summary>
    public IReadOnlySet<string> Variables { get; }

    /// <summary>The findings so far.</summary>
    public IReadOnlyList<DefinitionProblem> Problems => _problems;

    /// <summary>How many wires end at a node.</summary>
    public int InboundCount(string nodeId) => _inbound.GetValueOrDefault(nodeId);

    /// <summary>Reports an error.</summary>
    public void Error(string rule, string? nodeId, string message, string hint) =>
        _problems.Add(new DefinitionProblem(ProblemSeverity.Error, rule, nodeId, message, hint));

    /// <summary>Reports a warning.</summary>
    public void Warning(string rule, string? nodeId, string message, string hint) =>
        _problems.Add(new DefinitionProblem(ProblemSeverity.Warning, rule, nodeId, message, hint));

    /// <summary>The string value of a Literal input, or null.</summary>
    public static string? LiteralText(ActivityNode node, string input) =>
        node.Expression(input) is { Language: ExpressionLanguage.Literal } e && e.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : null;

    /// <summary>Checks a JavaScript expression or a Liquid template; returns false (and reports) when it is not acceptable.</summary>
    public bool CheckExpression(ActivityNode node, string input, WorkflowExpression expression)
    {
        switch (expression.Language)
        {
            case ExpressionLanguage.JavaScript:
                if (expression.Text is not { Length: > 0 } script)
                {
                    Error(Rules.Expression, node.Id, $"Input '{input}' has an empty JavaScript expression.", "Write an expression such as vars.category == 'transport'.");
                    return false;
                }

                var problems = ScriptCheck.Check(script, Variables);
                foreach (var problem in problems)
                {
                    Error(Rules.Expression, node.Id, $"Input '{input}': {problem}.", "Expressions read vars.<declared variable>, petition, task and now; declare the variable or correct the name.");
                }

                return problems.Count == 0;
            case ExpressionLanguage.Liquid:
                if (expression.Text is not { } template)
                {
                    Error(Rules.Expression, node.Id, $"Input '{input}' has a Liquid template that is not text.", "Write the template as a string.");
                    return false;
                }

                if (TemplateCheck.Check(template) is { } error)
                {
                    Error(Rules.Expression, node.Id, $"Input '{input}': the Liquid template does not parse: {error}", "Check {{ }} and {% %} pairs.");
                    return false;
                }

                return true;
            default:
                return true;
        }
    }

    /// <summary>Checks a duration written in the definition grammar; reports and returns null when invalid.</summary>
    public WorkflowDuration? CheckDuration(ActivityNode node, string what, string? text)
    {
        if (WorkflowDuration.TryParse(text, out var duration))
        {
            return duration;
        }

        Error(Rules.Duration, node.Id, $"{what} '{text}' is not a positive duration.", "Use P7WD (working days), PT3WH (working hours), P14D or PT2H (elapsed), P1M (calendar month).");
        return null;
    }

    /// <summary>The items of a structured array input, or null when the input is absent; reports when it is not an array of objects.</summary>
    public IReadOnlyList<JsonObject>? StructuredObjects(ActivityNode node, string input)
    {
        if (!node.Inputs.TryGetValue(input, out var value) || value is null)
        {
            return null;
        }

        if (value is JsonArray array && array.All(i => i is JsonObject))
        {
            return [.. array.Cast<JsonObject>()];
        }

        Error(Rules.Structure, node.Id, $"Input '{input}' must be an array of objects.", $"Write \"{input}\": [ {{ … }}, … ].");
        return [];
    }

    /// <summary>A string property of a structured item, or null.</summary>
    public static string? Text(JsonObject item, string property) =>
        item[property] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
