using System.Text.Json.Nodes;

namespace EPeople.Workflows.Simulation;

/// <summary>
/// A message the run would have put in the outbox (a notice, a deadline reminder…): the test sink keeps it to be
/// shown, and nothing is ever sent.
/// </summary>
/// <param name="Step">The number of the step that produced it.</param>
/// <param name="At">The virtual time.</param>
/// <param name="Type">The outbox message type, e.g. <c>workflow.notice</c> or <c>workflow.task-deadline</c>.</param>
/// <param name="IdempotencyKey">The key the real outbox row would have (instance, node, activation, effect).</param>
/// <param name="Payload">The message.</param>
public sealed record CapturedNotice(int Step, DateTimeOffset At, string Type, string IdempotencyKey, JsonObject Payload);
