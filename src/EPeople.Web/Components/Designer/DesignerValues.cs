using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EPeople.Workflows.Calendar;
using EPeople.Workflows.Definitions;

namespace EPeople.Web.Components.Designer;

/// <summary>Reading and writing the JSON of node inputs for the property panel's editors; never changes a node it is given.</summary>
public static class DesignerValues
{
    /// <summary>A string property of a JSON object, or null when absent or not a string.</summary>
    public static string? Text(JsonObject item, string property) =>
        item[property] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>The text a user edits for an expression input: the script or template, or the literal as written.</summary>
    public static string EditableText(WorkflowExpression? expression) => expression?.Value switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        var other => other.ToJsonString(),
    };

    /// <summary>
    /// A literal as the input's type wants it: numbers and booleans stay typed when the text is one, anything else
    /// stays the text (a draft may be invalid; the validator says so).
    /// </summary>
    public static JsonNode? Literal(string text, string type) => type switch
    {
        "int" when long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
        "decimal" when decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        "bool" when bool.TryParse(text.Trim(), out var b) => JsonValue.Create(b),
        _ => JsonValue.Create(text),
    };

    /// <summary>True for what clearing a field leaves: no value, an expression with empty text, an empty list.</summary>
    public static bool IsBlank(JsonNode? value) => value switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        _ when WorkflowExpression.FromInput(value) is { } expression => expression.Value is null or JsonArray { Count: 0 } || expression.Text is "",
        _ => false,
    };

    /// <summary>A copy of the node with one input set, or removed when blank and optional; the inputs are deep copies.</summary>
    public static ActivityNode WithInput(ActivityNode node, string name, JsonNode? value, bool required)
    {
        var inputs = node.Inputs.ToDictionary(kv => kv.Key, kv => kv.Value?.DeepClone(), StringComparer.Ordinal);
        if (IsBlank(value) && !required)
        {
            inputs.Remove(name);
        }
        else
        {
            inputs[name] = value?.DeepClone();
        }

        return node with { Inputs = inputs };
    }

    /// <summary>The objects of a structured list input (copies), or an empty list.</summary>
    public static List<JsonObject> Objects(JsonNode? value) =>
        value is JsonArray array ? [.. array.OfType<JsonObject>().Select(o => o.DeepClone().AsObject())] : [];

    /// <summary>Moves an item one place up (-1) or down (+1), when there is room.</summary>
    public static void Move<T>(List<T> items, int index, int step)
    {
        var target = index + step;
        if (index < 0 || index >= items.Count || target < 0 || target >= items.Count)
        {
            return;
        }

        (items[index], items[target]) = (items[target], items[index]);
    }

    /// <summary>The definition's variable names, as the JavaScript check wants them.</summary>
    public static IReadOnlySet<string> Variables(WorkflowDefinition? definition) =>
        (definition?.Variables ?? []).Select(v => v.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>True when the UI speaks Korean (the engine's explanations come in Korean and English).</summary>
    public static bool Korean => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ko";

    /// <summary>The text of a Literal expression input, or null (absent, empty, or a script).</summary>
    public static string? LiteralText(JsonNode? input) =>
        WorkflowExpression.FromInput(input) is { Language: ExpressionLanguage.Literal } expression && EditableText(expression) is { Length: > 0 } text ? text : null;

    /// <summary>
    /// When a due period written as <paramref name="text"/> would end for a task created at <paramref name="now"/>, as
    /// the engine counts it (a duration on the business calendar, or a fixed instant); null when the text is neither.
    /// </summary>
    public static DueDate? DueFrom(BusinessCalendar calendar, DateTimeOffset now, string? text)
    {
        if (WorkflowDuration.TryParse(text, out var duration))
        {
            return calendar.DueAfter(now, duration);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? new DueDate(at.ToUniversalTime(), "Instant", "", "", [])
            : null;
    }
}
