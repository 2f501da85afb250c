using System.Text.Json.Nodes;
using EPeople.Workflows.Definitions;

namespace EPeople.Workflows.Runtime;

/// <summary>
/// A command on one instance. Each carries an operation id: the store records it in the same commit, and a
/// command whose operation id was already processed returns the stored result without doing anything.
/// </summary>
/// <param name="OperationId">Unique per intended operation (a double click sends the same one).</param>
public abstract record WorkflowCommand(string OperationId);

/// <summary>Starts an instance at its Receive node and runs to the first wait states.</summary>
/// <param name="OperationId">Unique per intended start.</param>
/// <param name="InstanceId">The new instance's id.</param>
/// <param name="CorrelationId">What the instance is about (a petition's id); events are delivered by it.</param>
/// <param name="Variables">Initial values of declared variables.</param>
/// <param name="IsNew">
/// The caller created the instance id and the correlation id for this start, in its own transaction (a petition being
/// filed): nothing can be stored under them yet, so the runtime reads neither the instance nor the early-event inbox —
/// two round trips fewer on the hottest path. A twin start still fails on the instance's key at commit.
/// </param>
public sealed record StartCommand(string OperationId, Guid InstanceId, string CorrelationId, JsonObject? Variables = null, bool IsNew = false) : WorkflowCommand(OperationId);

/// <summary>Resumes a bookmark: a task action (with its form data and actor) or a joint-handling answer.</summary>
public sealed record ResumeBookmarkCommand(string OperationId, string BookmarkId, string? Action, JsonObject? Data = null, string? Actor = null) : WorkflowCommand(OperationId);

/// <summary>Delivers an event to the instance: a waiting WaitForEvent, else a case-level handler, else the inbox.</summary>
public sealed record DeliverEventCommand(string OperationId, string EventId, string Name, string CorrelationKey, JsonObject? Payload = null) : WorkflowCommand(OperationId);

/// <summary>Fires a timer; its id is the operation id, so a doubled firing is a no-op.</summary>
public sealed record FireTimerCommand(string TimerId) : WorkflowCommand("timer:" + TimerId);

/// <summary>Cancels the instance: every token, bookmark, task and timer.</summary>
public sealed record CancelCommand(string OperationId, string Reason, string? Actor = null) : WorkflowCommand(OperationId);

/// <summary>Re-runs a token parked on an incident (after an operator fixed its cause).</summary>
public sealed record RetryIncidentCommand(string OperationId, string TokenId, string? Actor = null) : WorkflowCommand(OperationId);

/// <summary>Moves the instance to another published version, mapping node ids of waiting tokens (unmapped ids stay as they are).</summary>
public sealed record MigrateCommand(string OperationId, WorkflowDefinition Target, IReadOnlyDictionary<string, string> NodeMap, string? Actor = null) : WorkflowCommand(OperationId);
