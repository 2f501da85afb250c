using System.Text.Json.Nodes;

namespace EPeople.Workflows.Runtime;

/// <summary>Why a waiting node is resumed: an action, a timer, or an event.</summary>
/// <param name="Action">The task action key (or joint answer).</param>
/// <param name="Data">The form data of the action.</param>
/// <param name="Actor">Who acted.</param>
/// <param name="Timer">The timer that fired.</param>
/// <param name="EventPayload">The event's data.</param>
public sealed record ResumeSignal(string? Action = null, JsonObject? Data = null, string? Actor = null, TimerRequest? Timer = null, JsonObject? EventPayload = null);
