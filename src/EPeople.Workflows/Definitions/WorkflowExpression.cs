using System.Text.Json.Nodes;

namespace EPeople.Workflows.Definitions;

/// <summary>The languages an input can be written in. No host code: C# and Python are refused.</summary>
public enum ExpressionLanguage
{
    /// <summary>A constant value (string, number, boolean, object).</summary>
    Literal,

    /// <summary>Sandboxed JavaScript evaluated by Jint over <c>vars</c>, <c>petition</c>, <c>task</c>, <c>now</c>.</summary>
    JavaScript,

    /// <summary>A Liquid template rendered by Fluid (texts of notices and task titles).</summary>
    Liquid,
}

/// <summary>An input expression: its language and its source (or literal value).</summary>
/// <param name="Language">The language.</param>
/// <param name="Value">The literal value, or the script/template text as a JSON string.</param>
/// <param name="LanguageName">The language as written in the document (kept to report unknown ones).</param>
public sealed record WorkflowExpression(ExpressionLanguage? Language, JsonNode? Value, string LanguageName)
{
    /// <summary>The text of a JavaScript or Liquid expression, or a string literal.</summary>
    public string? Text => Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>Reads <c>{ "expression": { "type", "value" } }</c>; null for anything else.</summary>
    public static WorkflowExpression? FromInput(JsonNode? input)
    {
        if (input is not JsonObject wrapper || wrapper["expression"] is not JsonObject expression)
        {
            return null;
        }

        var name = expression["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? expression["type"]!.GetValue<string>()
            : "";
        ExpressionLanguage? language = Enum.TryParse<ExpressionLanguage>(name, ignoreCase: false, out var parsed) ? parsed : null;
        return new WorkflowExpression(language, expression["value"], name);
    }

    /// <summary>Builds the JSON of an input holding an expression.</summary>
    public static JsonObject Input(ExpressionLanguage language, JsonNode? value) =>
        new() { ["expression"] = new JsonObject { ["type"] = language.ToString(), ["value"] = value } };
}
