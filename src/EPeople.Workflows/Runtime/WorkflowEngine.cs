using System.Text.Json.Nodes;
using EPeople.Workflows.Activities;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Expressions;

namespace EPeople.Workflows.Runtime;

/// <summary>
/// The engine: a pure function from (definition, state, command, environment) to (new state, delta). It runs the
/// ready tokens until every token waits (task, timer, event), is parked on an incident, or the instance ends; the
/// caller then commits the state and the delta in one transaction (see <see cref="WorkflowRuntime"/>). Nothing is
/// executed outside that commit, so a crash before it simply leaves the previous state.
/// </summary>
public sealed class WorkflowEngine(ActivityRegistry registry, ExpressionEvaluator expressions)
{
    /// <summary>Runs a command. The input state is never modified.</summary>
    public CommandResult Execute(WorkflowDefinition definition, InstanceState? current, WorkflowCommand command, EngineEnvironment environment)
    {
        if (command is StartCommand start)
        {
            return current is null
                ? Start(definition, start, environment)
                : Rejected(current, $"Instance {start.InstanceId} has already started.");
        }

        if (current is null)
        {
            throw new ArgumentNullException(nameof(current), $"{command.GetType().Name} needs an existing instance.");
        }

        if (current.Status != InstanceStatus.Active && command is not RetryIncidentCommand)
        {
            return new CommandResult(CommandOutcome.AlreadyHandled, current, new ExecutionDelta(), $"The instance is {current.Status}.");
        }

        var state = InstanceStateSerializer.Clone(current);
        var actor = command switch
        {
            ResumeBookmarkCommand r => r.Actor,
            CancelCommand c => c.Actor,
            RetryIncidentCommand r => r.Actor,
            MigrateCommand m => m.Actor,
            _ => null,
        };
        var run = new ExecutionRun(registry, expressions, definition, state, environment, actor);
        try
        {
            return command switch
            {
                ResumeBookmarkCommand resume => Resume(run, current, resume.BookmarkId, new ResumeSignal(resume.Action, resume.Data, resume.Actor)),
                FireTimerCommand fire => FireTimer(run, current, fire),
                DeliverEventCommand delivered => Deliver(run, current, delivered),
                CancelCommand cancel => Cancel(run, cancel),
                RetryIncidentCommand retry => Retry(run, current, retry),
                MigrateCommand migrate => Migrate(run, current, migrate),
                _ => throw new NotSupportedException($"Unknown command {command.GetType().Name}."),
            };
        }
        catch (CommandRejectedException ex)
        {
            return Rejected(current, ex.Message);
        }
    }

    private CommandResult Start(WorkflowDefinition definition, StartCommand command, EngineEnvironment environment)
    {
        var state = new InstanceState
        {
            InstanceId = command.InstanceId,
            DefinitionId = definition.DefinitionId,
            DefinitionVersion = definition.Version ?? 0,
            CorrelationId = command.CorrelationId,
            Status = InstanceStatus.Active,
        };
        foreach (var variable in definition.Variables)
        {
            state.Variables[variable.Name] = variable.Default?.DeepClone();
        }

        foreach (var (name, value) in command.Variables ?? [])
        {
            if (!state.Variables.ContainsKey(name))
            {
                return Rejected(state, $"'{name}' is not a variable of {definition.DefinitionId}.");
            }

            state.Variables[name] = value?.DeepClone();
        }

        var receive = definition.Activities.FirstOrDefault(a => a.Type == ReceiveActivity.TypeName)
                      ?? throw new InvalidOperationException($"{definition.DefinitionId} has no {ReceiveActivity.TypeName}; it should not have been published.");
        var run = new ExecutionRun(registry, expressions, definition, state, environment, null);
        run.History(null, "Started", null, new JsonObject { ["definition"] = definition.DefinitionId, ["version"] = state.DefinitionVersion, ["correlationId"] = command.CorrelationId });
        run.Enqueue(receive.Id, null, []);
        run.RunToWaitStates();
        return Applied(run);
    }

    private CommandResult Resume(ExecutionRun run, InstanceState current, string bookmarkId, ResumeSignal signal)
    {
        if (!run.State.Bookmarks.TryGetValue(bookmarkId, out var bookmark))
        {
            return new CommandResult(CommandOutcome.AlreadyHandled, current, new ExecutionDelta(), "The task or wait has already been handled.");
        }

        var token = run.State.Tokens.FirstOrDefault(t => t.Id == bookmark.TokenId)
                    ?? throw new InvalidOperationException($"Bookmark {bookmarkId} has no token.");
        var node = run.Definition.FindActivity(bookmark.NodeId)
                   ?? throw new InvalidOperationException($"Node {bookmark.NodeId} is missing from the definition.");
        var activity = registry.Find(node.Type) ?? throw new InvalidOperationException($"Activity type {node.Type} is not registered.");
        try
        {
            var result = activity.OnResume(new ActivityExecutionContext(run, node, token), bookmark, signal);
            run.Apply(node, token, result);
        }
        catch (Exception ex) when (ex is Expressions.ExpressionException or ActivityFaultException)
        {
            run.Incident(token, "Activity", ex.Message);
        }

        run.RunToWaitStates();
        return Applied(run);
    }

    private CommandResult FireTimer(ExecutionRun run, InstanceState current, FireTimerCommand command)
    {
        if (!run.State.Timers.Remove(command.TimerId, out var timer))
        {
            return new CommandResult(CommandOutcome.AlreadyHandled, current, new ExecutionDelta(), "The timer has already fired or was cancelled.");
        }

        run.Delta.TimersRemoved.Add(timer.Id);
        return Resume(run, current, timer.BookmarkId, new ResumeSignal(Timer: timer));
    }

    private CommandResult Deliver(ExecutionRun run, InstanceState current, DeliverEventCommand command)
    {
        var hash = ActivityExecutionContext.EventHash(command.Name, command.CorrelationKey);
        var bookmark = run.State.Bookmarks.Values.FirstOrDefault(b => b.Kind == BookmarkKind.Event && b.Hash == hash);
        if (bookmark is not null)
        {
            return Resume(run, current, bookmark.Id, new ResumeSignal(EventPayload: command.Payload));
        }

        var handlers = run.Definition.Events.Where(e => e.Event == command.Name && command.CorrelationKey == run.State.CorrelationId).ToList();
        if (handlers.Count == 0)
        {
            var delta = new ExecutionDelta { InboxAdded = new InboxEvent(command.EventId, command.Name, command.CorrelationKey, command.Payload) };
            return new CommandResult(CommandOutcome.Buffered, current, delta, $"Nothing waits for {command.Name} yet; it is kept in the inbox.");
        }

        foreach (var handler in handlers)
        {
            if (handler.Interrupting)
            {
                run.CancelEverything();
            }

            run.History(handler.Target, "CaseEvent", null, new JsonObject { ["event"] = command.Name, ["handler"] = handler.Id, ["payload"] = command.Payload?.DeepClone() });
            run.Enqueue(handler.Target, $"event:{handler.Id}", []);
        }

        run.RunToWaitStates();
        return Applied(run);
    }

    private static CommandResult Cancel(ExecutionRun run, CancelCommand command)
    {
        // A cancelled instance needs no operator any more: its open incidents are closed with it.
        run.Delta.IncidentsResolved.AddRange(run.State.Tokens.Where(t => t.Status == TokenStatus.Parked).Select(t => t.Id));
        run.CancelEverything();
        run.State.Status = InstanceStatus.Cancelled;
        run.History(null, "Cancelled", command.Actor, new JsonObject { ["reason"] = command.Reason });
        return Applied(run);
    }

    private static CommandResult Retry(ExecutionRun run, InstanceState current, RetryIncidentCommand command)
    {
        var token = run.State.Tokens.FirstOrDefault(t => t.Id == command.TokenId && t.Status == TokenStatus.Parked);
        if (token is null)
        {
            return new CommandResult(CommandOutcome.AlreadyHandled, current, new ExecutionDelta(), "No parked token with that id.");
        }

        run.State.Status = InstanceStatus.Active;
        run.History(token.NodeId, "IncidentRetried", command.Actor, null);
        run.Delta.IncidentsResolved.Add(token.Id);
        run.Requeue(token);
        run.RunToWaitStates();
        return Applied(run);
    }

    private static CommandResult Migrate(ExecutionRun run, InstanceState current, MigrateCommand command)
    {
        if (command.Target.DefinitionId != run.State.DefinitionId || command.Target.Version is not { } version)
        {
            return Rejected(current, "The target must be a published version of the same definition.");
        }

        string Map(string nodeId) => command.NodeMap.TryGetValue(nodeId, out var mapped) ? mapped : nodeId;
        foreach (var token in run.State.Tokens)
        {
            var source = run.Definition.FindActivity(token.NodeId);
            var target = command.Target.FindActivity(Map(token.NodeId));
            if (target is null || source is null || target.Type != source.Type)
            {
                return Rejected(current, $"Token at '{token.NodeId}' has no compatible node '{Map(token.NodeId)}' in version {version}: map it to a node of the same type.");
            }
        }

        foreach (var token in run.State.Tokens)
        {
            token.NodeId = Map(token.NodeId);
        }

        foreach (var bookmark in run.State.Bookmarks.Values)
        {
            bookmark.NodeId = Map(bookmark.NodeId);
        }

        foreach (var timer in run.State.Timers.Values.ToList())
        {
            run.State.Timers[timer.Id] = timer with { NodeId = Map(timer.NodeId) };
        }

        var from = run.State.DefinitionVersion;
        run.State.DefinitionVersion = version;
        run.History(null, "Migrated", command.Actor, new JsonObject
        {
            ["from"] = from, ["to"] = version,
            ["map"] = new JsonObject([.. command.NodeMap.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value))]),
        });
        return Applied(run);
    }

    private static CommandResult Applied(ExecutionRun run) => new(CommandOutcome.Applied, run.State, run.Delta);

    private static CommandResult Rejected(InstanceState state, string message) => new(CommandOutcome.Rejected, state, new ExecutionDelta(), message);
}
