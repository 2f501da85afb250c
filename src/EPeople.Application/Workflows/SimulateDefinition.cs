using System.Text.Json.Nodes;
using EPeople.Application.Security;
using EPeople.Workflows.Runtime;
using EPeople.Workflows.Simulation;
using FluentValidation;
using Mediator;

namespace EPeople.Application.Workflows;

/// <summary>
/// One step of a test-run script. <see cref="Kind"/> is <c>action</c> (an <see cref="Action"/> on the task open at
/// <see cref="Node"/>, or on <see cref="TaskId"/>, with form <see cref="Data"/>), <c>fastForward</c> (to the next
/// timer), <c>advanceTo</c> (fire every timer due by <see cref="Until"/>), <c>event</c> (<see cref="Name"/> with its
/// <see cref="Payload"/>, for the run's case unless <see cref="CorrelationKey"/> says otherwise) or <c>cancel</c>.
/// </summary>
public sealed record SimulationScriptStep(
    string Kind,
    string? Node = null,
    string? TaskId = null,
    string? Action = null,
    JsonObject? Data = null,
    string? Name = null,
    JsonObject? Payload = null,
    string? CorrelationKey = null,
    DateTimeOffset? Until = null);

/// <summary>The script step the run refused (0-based index) and why; the steps after it were not run.</summary>
public sealed record SimulationRefusalDto(int Index, string Kind, string Message);

/// <summary>Where a test run ended up: every step with the path it took, and the run's state at the end.</summary>
/// <param name="SnapshotVersion"><c>draft-</c> and the start of the document's content hash: which draft was run.</param>
/// <param name="Status">NotStarted, Running, Completed, Cancelled or Faulted.</param>
/// <param name="Visited">The nodes reached, in the order first reached.</param>
/// <param name="Wires">The wires taken, in the order first taken.</param>
/// <param name="CurrentNodes">Where tokens wait (or are parked) now.</param>
/// <param name="Notices">What would have been sent: captured, never delivered.</param>
/// <param name="Refusal">The script step that was refused, if any.</param>
public sealed record SimulationTraceDto(
    string DefinitionId,
    string SnapshotVersion,
    DateTimeOffset Now,
    SimulationStatus Status,
    string? EndStatus,
    bool HasIncidents,
    IReadOnlyList<SimulationStep> Steps,
    IReadOnlyList<string> Visited,
    IReadOnlyList<TakenWire> Wires,
    IReadOnlyList<string> CurrentNodes,
    JsonObject Variables,
    IReadOnlyList<SimulatedTask> OpenTasks,
    IReadOnlyList<SimulatedTimer> PendingTimers,
    IReadOnlyList<CapturedNotice> Notices,
    IReadOnlyList<IncidentRecord> Incidents,
    IReadOnlyList<InboxEvent> Inbox,
    SimulationRefusalDto? Refusal)
{
    /// <summary>The trace of a run as it stands.</summary>
    public static SimulationTraceDto Of(WorkflowSimulation run, SimulationRefusalDto? refusal = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var path = run.Path;
        return new SimulationTraceDto(run.Definition.DefinitionId, run.SnapshotVersion, run.Now, run.Status, run.EndStatus, run.HasIncidents,
            [.. run.Steps], path.Visited, path.Wires, run.CurrentNodes, run.Variables, [.. run.OpenTasks], run.PendingTimers,
            [.. run.Notices], [.. run.Incidents], [.. run.Inbox], refusal);
    }
}

/// <summary>
/// A whole test run of a draft in one call (issue 7 item 5): the document as edited, the virtual start time, the
/// initial variables and petition projection, and a script of steps. Writes nothing and sends nothing; a refused
/// step ends the script and is reported in <see cref="SimulationTraceDto.Refusal"/>.
/// </summary>
[Authorize(Roles = Roles.Analyst + "," + Roles.SystemAdmin)]
public sealed record SimulateDefinitionQuery(
    string? Json,
    DateTimeOffset? StartAt = null,
    JsonObject? Variables = null,
    JsonObject? Petition = null,
    IReadOnlyList<SimulationScriptStep>? Steps = null) : IQuery<SimulationTraceDto>;

internal sealed class SimulateDefinitionQueryValidator : AbstractValidator<SimulateDefinitionQuery>
{
    public const int MaxSteps = 200;

    private static readonly string[] Kinds = ["action", "fastForward", "advanceTo", "event", "cancel"];

    public SimulateDefinitionQueryValidator()
    {
        RuleFor(q => q.Json).NotEmpty().WithMessage("Send the definition document.");
        RuleFor(q => q.Steps).Must(s => s is null || s.Count <= MaxSteps).WithMessage($"A test run takes at most {MaxSteps} steps.");
        RuleForEach(q => q.Steps).ChildRules(step =>
        {
            step.RuleFor(s => s.Kind).Must(k => Kinds.Contains(k, StringComparer.OrdinalIgnoreCase))
                .WithMessage("The kind of a step is action, fastForward, advanceTo, event or cancel.");
            step.When(s => string.Equals(s.Kind, "action", StringComparison.OrdinalIgnoreCase), () =>
            {
                step.RuleFor(s => s.Action).NotEmpty().WithMessage("Name the action to take.");
                step.RuleFor(s => s.Node).NotEmpty().When(s => string.IsNullOrEmpty(s.TaskId))
                    .WithMessage("Name the task's node (or give the task's id).");
            });
            step.RuleFor(s => s.Name).NotEmpty().When(s => string.Equals(s.Kind, "event", StringComparison.OrdinalIgnoreCase))
                .WithMessage("Name the event to deliver.");
            step.RuleFor(s => s.Until).NotNull().When(s => string.Equals(s.Kind, "advanceTo", StringComparison.OrdinalIgnoreCase))
                .WithMessage("Give the instant to advance the clock to.");
        });
    }
}

internal sealed class SimulateDefinitionQueryHandler(DefinitionTestRuns testRuns) : IQueryHandler<SimulateDefinitionQuery, SimulationTraceDto>
{
    public async ValueTask<SimulationTraceDto> Handle(SimulateDefinitionQuery query, CancellationToken cancellationToken)
    {
        var run = await testRuns.StartAsync(query.Json, query.StartAt, query.Variables, query.Petition, cancellationToken);
        var steps = query.Steps ?? [];
        for (var i = 0; i < steps.Count; i++)
        {
            var result = Apply(run, steps[i]);
            if (!result.Accepted)
            {
                return SimulationTraceDto.Of(run, new SimulationRefusalDto(i, steps[i].Kind, result.Message ?? ""));
            }
        }

        return SimulationTraceDto.Of(run);
    }

    private static SimulationResult Apply(WorkflowSimulation run, SimulationScriptStep step) => step.Kind.ToUpperInvariant() switch
    {
        "ACTION" when step.TaskId is { Length: > 0 } taskId => run.TakeAction(taskId, step.Action!, step.Data),
        "ACTION" => run.TakeActionAt(step.Node!, step.Action!, step.Data),
        "FASTFORWARD" => run.FastForward(),
        "ADVANCETO" => run.AdvanceTo(step.Until!.Value),
        "EVENT" => run.DeliverEvent(step.Name!, step.Payload, step.CorrelationKey),
        _ => run.Cancel(),
    };
}
