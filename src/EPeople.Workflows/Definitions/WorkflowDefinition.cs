using System.Text.Json;
using System.Text.Json.Serialization;

namespace EPeople.Workflows.Definitions;

/// <summary>
/// A workflow definition document (<c>$schema: urn:epeople:workflow-definition:v1</c>): Elsa's shape (activities
/// and connections between their ports) without CLR type names. Unknown fields are kept in <see cref="Extra"/>
/// so that a document survives a round trip through tools that do not know them.
/// </summary>
public sealed record WorkflowDefinition
{
    /// <summary>The format identifier every document must carry.</summary>
    public const string SchemaUri = "urn:epeople:workflow-definition:v1";

    /// <summary>The document format (<see cref="SchemaUri"/>).</summary>
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; } = SchemaUri;

    /// <summary>The immutable key of the definition, e.g. <c>petition.civil</c>.</summary>
    public string DefinitionId { get; init; } = "";

    /// <summary>Assigned by the server when a version is published; ignored on import.</summary>
    public int? Version { get; init; }

    /// <summary>A human-readable name.</summary>
    public string? Name { get; init; }

    /// <summary>What the definition is for.</summary>
    public string? Description { get; init; }

    /// <summary>Definition-wide settings.</summary>
    public WorkflowSettings Settings { get; init; } = new();

    /// <summary>The instance variables, typed by registered aliases.</summary>
    public IReadOnlyList<VariableDefinition> Variables { get; init; } = [];

    /// <summary>Case-level events that may happen in any state (withdrawal, extension…).</summary>
    public IReadOnlyList<CaseEvent> Events { get; init; } = [];

    /// <summary>The nodes of the flowchart.</summary>
    public IReadOnlyList<ActivityNode> Activities { get; init; } = [];

    /// <summary>The wires between node ports.</summary>
    public IReadOnlyList<Connection> Connections { get; init; } = [];

    /// <summary>Fields this version of EPeople does not know, preserved as they were.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }

    /// <summary>The node with this id, or null.</summary>
    public ActivityNode? FindActivity(string id) => Activities.FirstOrDefault(a => a.Id == id);
}
