using System.Text.Json;
using System.Text.Json.Serialization;

namespace EPeople.Workflows.Definitions;

/// <summary>Definition-wide settings.</summary>
public sealed record WorkflowSettings
{
    /// <summary>The business calendar used for due dates and timers.</summary>
    public string Calendar { get; init; } = "kr-government";

    /// <summary>How many transfers a petition may go through before it goes to the triage desk.</summary>
    public int? MaxTransfers { get; init; }

    /// <summary>How long history is kept after the instance closes.</summary>
    public int? HistoryRetentionDays { get; init; }

    /// <summary>What a failing node does: park its token (default) or fault the instance.</summary>
    public IncidentPolicy IncidentPolicy { get; init; } = IncidentPolicy.ParkToken;

    /// <summary>Node executions allowed per command before a runaway loop becomes an incident.</summary>
    public int? StepBudget { get; init; }

    /// <summary>Settings this version of EPeople does not know, preserved as they were.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>What happens when a node fails.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IncidentPolicy>))]
public enum IncidentPolicy
{
    /// <summary>The failing token is parked with an incident; other branches go on; an operator retries.</summary>
    ParkToken,

    /// <summary>The whole instance is faulted.</summary>
    FaultInstance,
}
