using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace EPeople.Workflows.Definitions;

/// <summary>An instance variable: a name, a registered type alias (<see cref="TypeAliases"/>) and an optional default.</summary>
public sealed record VariableDefinition
{
    /// <summary>The variable's name, unique in the definition; expressions read it as <c>vars.name</c>.</summary>
    public string Name { get; init; } = "";

    /// <summary>A registered type alias such as <c>string</c>, <c>int</c> or <c>institutionRef[]</c>.</summary>
    public string Type { get; init; } = "";

    /// <summary>The initial value.</summary>
    public JsonNode? Default { get; init; }

    /// <summary>Fields this version of EPeople does not know, preserved as they were.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
