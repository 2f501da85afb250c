namespace EPeople.Workflows.Simulation;

/// <summary>The answer to one operation on a test run.</summary>
/// <param name="Accepted">False when the operation was refused; then nothing in the run changed.</param>
/// <param name="Message">Why it was refused (or what is worth knowing, e.g. an event kept in the inbox).</param>
/// <param name="Steps">The steps the operation added (none when refused; several when <see cref="WorkflowSimulation.AdvanceTo"/> fired several timers).</param>
public sealed record SimulationResult(bool Accepted, string? Message, IReadOnlyList<SimulationStep> Steps)
{
    /// <summary>A refusal: nothing changed.</summary>
    public static SimulationResult Refused(string message) => new(false, message, []);
}
