using System.Text.Json;
using System.Text.Json.Serialization;

namespace EPeople.Workflows.Definitions;

/// <summary>
/// A case-level event handler (BPMN event sub-process): when <see cref="Event"/> is published for the instance,
/// in any state, the flow continues at <see cref="Target"/>; an interrupting one first cancels everything open.
/// </summary>
public sealed record CaseEvent
{
    /// <summary>The handler's id, unique in the definition.</summary>
    public string Id { get; init; } = "";

    /// <summary>The registered event name, e.g. <c>PetitionWithdrawn</c>.</summary>
    public string Event { get; init; } = "";

    /// <summary>Cancel open tokens, tasks and timers before continuing.</summary>
    public bool Interrupting { get; init; }

    /// <summary>The node to continue at.</summary>
    public string Target { get; init; } = "";

    /// <summary>Fields this version of EPeople does not know, preserved as they were.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
