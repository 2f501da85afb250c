using EPeople.Workflows.Runtime;

namespace EPeople.Workflows.Simulation;

/// <summary>One accepted step of a test run: what was done, at what virtual time, and where the flow went.</summary>
/// <param name="Number">1, 2, 3… in the run.</param>
/// <param name="At">The virtual time the step ran at.</param>
/// <param name="Kind">Started, Action, Timer, Event or Cancelled.</param>
/// <param name="Description">What was done, in English (e.g. <c>Action 'Answer' on task …</c>); the structured fields below say the same for a UI.</param>
/// <param name="Outcome">Applied, or Buffered for an event nobody waited for (kept in the inbox).</param>
/// <param name="TaskId">The task acted on, for actions (and the task of a fired deadline).</param>
/// <param name="Action">The action taken, for actions.</param>
/// <param name="Timer">The timer fired, for timer steps.</param>
/// <param name="EventName">The event delivered, for events.</param>
/// <param name="NodesExecuted">The nodes the step reached, in order.</param>
/// <param name="WiresTaken">The wires the step went along, in order.</param>
/// <param name="History">The history entries the step wrote.</param>
/// <param name="Incidents">The incidents the step raised.</param>
public sealed record SimulationStep(
    int Number,
    DateTimeOffset At,
    SimulationStepKind Kind,
    string Description,
    CommandOutcome Outcome,
    string? TaskId,
    string? Action,
    SimulatedTimer? Timer,
    string? EventName,
    IReadOnlyList<string> NodesExecuted,
    IReadOnlyList<TakenWire> WiresTaken,
    IReadOnlyList<HistoryEntry> History,
    IReadOnlyList<IncidentRecord> Incidents);
