using EPeople.Workflows.Runtime;

namespace EPeople.Workflows.Simulation;

/// <summary>A timer pending in a test run; <see cref="WorkflowSimulation.FastForward"/> fires the earliest.</summary>
/// <param name="Id">The timer id.</param>
/// <param name="NodeId">The node it belongs to.</param>
/// <param name="TaskId">The task it belongs to, for task deadlines (and other timers on a task's bookmark).</param>
/// <param name="FireAt">When it fires (Korea time).</param>
/// <param name="Kind">Wait (a Timer node), Deadline (a task's reminder, escalation…) or Timeout (an event wait, a joint handling).</param>
/// <param name="DeadlineId">For deadlines, which one of the task's.</param>
public sealed record SimulatedTimer(string Id, string NodeId, string? TaskId, DateTimeOffset FireAt, TimerKind Kind, string? DeadlineId);
