using System.Text.Json.Nodes;
using EPeople.Workflows.Calendar;

namespace EPeople.Workflows.Runtime;

/// <summary>What a command runs against besides the instance: the time, the calendar, early events and the case data.</summary>
/// <param name="Now">The current instant (from the host's clock, so tests can move it).</param>
/// <param name="Calendar">The business calendar of the definition.</param>
/// <param name="Inbox">Events that arrived for this case before anyone waited for them.</param>
/// <param name="Petition">A read-only projection of the case for expressions (<c>petition</c>).</param>
/// <param name="StepBudget">Node executions allowed per command unless the definition says otherwise.</param>
public sealed record EngineEnvironment(
    DateTimeOffset Now,
    BusinessCalendar Calendar,
    IReadOnlyList<InboxEvent>? Inbox = null,
    JsonObject? Petition = null,
    int StepBudget = 500);
