using System.Text.Json.Nodes;

namespace EPeople.Workflows.Runtime;

/// <summary>A task to put in (or update in) the worklist; its id is its bookmark id.</summary>
/// <param name="Id">The task id (= bookmark id).</param>
/// <param name="NodeId">The human-task node.</param>
/// <param name="Title">The rendered title.</param>
/// <param name="Description">The rendered instructions.</param>
/// <param name="Institution">The institution assigned (a code), if any.</param>
/// <param name="Department">The department assigned, if any.</param>
/// <param name="Position">Officer or DepartmentHead, if any.</param>
/// <param name="Assignee">A user, if any.</param>
/// <param name="Actions">The action keys offered.</param>
/// <param name="DueAt">The due instant.</param>
/// <param name="DueExplanationKo">How the due instant was counted, in Korean.</param>
/// <param name="DueExplanationEn">How the due instant was counted, in English.</param>
/// <param name="Priority">1 (highest) to 5.</param>
/// <param name="FormKey">The form to fill in.</param>
/// <param name="Kind">Task or JointBranch.</param>
public sealed record TaskRequest(
    string Id,
    string NodeId,
    string Title,
    string? Description,
    string? Institution,
    string? Department,
    string? Position,
    string? Assignee,
    IReadOnlyList<string> Actions,
    DateTimeOffset? DueAt,
    string? DueExplanationKo,
    string? DueExplanationEn,
    int Priority,
    string? FormKey,
    BookmarkKind Kind);

/// <summary>What a timer does when it fires.</summary>
public enum TimerKind
{
    /// <summary>Ends a Timer activity's wait.</summary>
    Wait,

    /// <summary>A task deadline (reminder, escalation, reassignment or interrupting outcome).</summary>
    Deadline,

    /// <summary>An event wait or joint handling gives up.</summary>
    Timeout,
}

/// <summary>A durable timer row: fired once by the timer pump (a FireTimer command with this id as operation id).</summary>
/// <param name="Id">The timer id.</param>
/// <param name="BookmarkId">The bookmark it belongs to.</param>
/// <param name="NodeId">The node.</param>
/// <param name="FireAt">When (UTC).</param>
/// <param name="Kind">What it does.</param>
/// <param name="DeadlineId">For deadlines, which one.</param>
public sealed record TimerRequest(string Id, string BookmarkId, string NodeId, DateTimeOffset FireAt, TimerKind Kind, string? DeadlineId = null);

/// <summary>A side effect for the application's outbox (delivered after commit, at least once).</summary>
/// <param name="IdempotencyKey">Unique per effect: a replay stores nothing new.</param>
/// <param name="Type">The message type, e.g. <c>workflow.notice</c>.</param>
/// <param name="Payload">The message.</param>
public sealed record OutboxRequest(string IdempotencyKey, string Type, JsonObject Payload);

/// <summary>An append-only history entry.</summary>
/// <param name="Seq">Its sequence number in the instance.</param>
/// <param name="At">When.</param>
/// <param name="NodeId">The node, if any.</param>
/// <param name="Event">What happened (Started, NodeExecuted, TaskCreated, TaskCompleted, Incident…).</param>
/// <param name="Actor">Who caused it, if a person.</param>
/// <param name="Data">Details.</param>
public sealed record HistoryEntry(long Seq, DateTimeOffset At, string? NodeId, string Event, string? Actor, JsonObject? Data);

/// <summary>A node that failed: its token is parked until an operator retries.</summary>
/// <param name="TokenId">The parked token.</param>
/// <param name="NodeId">The node.</param>
/// <param name="Kind">Expression, Budget, Activity…</param>
/// <param name="Message">What went wrong.</param>
public sealed record IncidentRecord(string TokenId, string NodeId, string Kind, string Message);

/// <summary>An event kept because no one waited for it yet (the inbox).</summary>
/// <param name="EventId">The event's id (unique).</param>
/// <param name="Name">The event name.</param>
/// <param name="CorrelationKey">The case it belongs to.</param>
/// <param name="Payload">Its data.</param>
public sealed record InboxEvent(string EventId, string Name, string CorrelationKey, JsonObject? Payload);
