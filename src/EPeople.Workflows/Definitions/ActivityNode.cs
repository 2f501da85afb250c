using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace EPeople.Workflows.Definitions;

/// <summary>
/// A node of the flowchart: an activity type and version, its inputs and designer metadata. An input is either
/// an expression wrapper <c>{ "expression": { "type": "Literal|JavaScript|Liquid", "value": … } }</c> or plain
/// JSON for structured inputs (a human task's actions and deadlines, a switch's cases).
/// </summary>
public sealed record ActivityNode
{
    /// <summary>The node id, unique in the definition and URL-safe.</summary>
    public string Id { get; init; } = "";

    /// <summary>The activity type, e.g. <c>EPeople.HumanTask</c>.</summary>
    public string Type { get; init; } = "";

    /// <summary>The activity type's version the node was designed for.</summary>
    public int Version { get; init; } = 1;

    /// <summary>A display name for the designer and history.</summary>
    public string? Name { get; init; }

    /// <summary>The inputs by name.</summary>
    public Dictionary<string, JsonNode?> Inputs { get; init; } = [];

    /// <summary>Designer data (position, size…), kept as it is.</summary>
    public JsonObject? Metadata { get; init; }

    /// <summary>Fields this version of EPeople does not know, preserved as they were.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }

    /// <summary>The expression of an input, or null when the input is absent or is plain JSON.</summary>
    public WorkflowExpression? Expression(string input) =>
        Inputs.TryGetValue(input, out var node) ? WorkflowExpression.FromInput(node) : null;

    /// <summary>A plain-JSON input (not an expression wrapper), or null.</summary>
    public JsonNode? Structured(string input) =>
        Inputs.TryGetValue(input, out var node) && WorkflowExpression.FromInput(node) is null ? node : null;
}
