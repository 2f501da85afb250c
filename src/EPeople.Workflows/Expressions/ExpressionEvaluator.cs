using System.Text.Json;
using System.Text.Json.Nodes;
using EPeople.Workflows.Definitions;

namespace EPeople.Workflows.Expressions;

/// <summary>Evaluates an input whatever its language: a literal as it is, JavaScript by Jint, Liquid by Fluid.</summary>
public sealed class ExpressionEvaluator
{
    private readonly JavaScriptEvaluator _javaScript = new();
    private readonly LiquidRenderer _liquid = new();

    /// <summary>The value of an expression.</summary>
    public JsonNode? Evaluate(WorkflowExpression expression, ExpressionScope scope) => expression.Language switch
    {
        ExpressionLanguage.Literal => expression.Value?.DeepClone(),
        ExpressionLanguage.JavaScript => _javaScript.Evaluate(expression.Text ?? "undefined", scope),
        ExpressionLanguage.Liquid => JsonValue.Create(_liquid.Render(expression.Text ?? "", scope)),
        _ => throw new ExpressionException($"Expressions in '{expression.LanguageName}' cannot run."),
    };

    /// <summary>The value as text (numbers and booleans as JSON), or null.</summary>
    public string? EvaluateText(WorkflowExpression expression, ExpressionScope scope) => Evaluate(expression, scope) switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        var other => other.ToJsonString(),
    };

    /// <summary>The value as a boolean; anything else is an error (conditions must be boolean).</summary>
    public bool EvaluateBool(WorkflowExpression expression, ExpressionScope scope) => Evaluate(expression, scope) switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.True => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.False => false,
        var other => throw new ExpressionException($"The condition gave {other?.ToJsonString() ?? "nothing"}, not true or false."),
    };
}
