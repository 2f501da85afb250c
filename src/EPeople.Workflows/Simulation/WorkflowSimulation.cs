using System.Globalization;
using System.Text.Json.Nodes;
using EPeople.Workflows.Activities;
using EPeople.Workflows.Calendar;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Expressions;
using EPeople.Workflows.Runtime;

namespace EPeople.Workflows.Simulation;

/// <summary>
/// A test run of a definition (ENGINE.md §4.10, §4.13): the pure engine driven in memory on a frozen snapshot of
/// the document, with a virtual clock. An analyst starts it, takes actions on its open tasks, fast-forwards to its
/// next timer and delivers events, and sees after each step where the flow went. There is no store: nothing reaches
/// a database, and outbox messages are captured in <see cref="Notices"/> instead of being sent. Ids come from
/// counters, so the same operations give the same trace. A refused operation changes nothing. Not thread-safe: one
/// run belongs to one analyst's session.
/// </summary>
public sealed class WorkflowSimulation
{
    /// <summary>The instance id every test run uses: ids derived from it are the same run after run.</summary>
    public static readonly Guid InstanceId = new("00000000-0000-0000-0000-00000000a11e");

    /// <summary>The correlation key of a test run: events for it are delivered with this key unless another is given.</summary>
    public const string CorrelationId = "test-run";

    /// <summary>The steps a run may take (a guard against a script or a loop of timers that never ends).</summary>
    public const int DefaultMaxSteps = 500;

    private readonly WorkflowEngine _engine;
    private readonly BusinessCalendar _calendar;
    private readonly int _stepBudget;
    private readonly int _maxSteps;
    private readonly List<SimulatedTask> _tasks = [];
    private readonly List<InboxEvent> _inbox = [];
    private readonly List<CapturedNotice> _notices = [];
    private readonly List<IncidentRecord> _incidents = [];
    private readonly List<SimulationStep> _steps = [];
    private readonly List<HistoryEntry> _history = [];
    private InstanceState? _state;
    private JsonObject? _petition;
    private int _operations;

    /// <summary>Prepares a run; nothing executes until <see cref="Start"/>.</summary>
    /// <param name="definition">The draft as edited (a copy is frozen, so later edits do not change the run).</param>
    /// <param name="calendar">The business calendar of <c>settings.calendar</c>.</param>
    /// <param name="startAt">The virtual time the run starts at.</param>
    /// <param name="engine">The engine (with the application's activities); the built-in activities when null.</param>
    /// <param name="stepBudget">Node executions allowed per step; a loop that never waits becomes an incident.</param>
    /// <param name="maxSteps">Steps allowed in the whole run.</param>
    public WorkflowSimulation(WorkflowDefinition definition, BusinessCalendar calendar, DateTimeOffset startAt,
        WorkflowEngine? engine = null, int stepBudget = 500, int maxSteps = DefaultMaxSteps)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentOutOfRangeException.ThrowIfLessThan(stepBudget, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSteps, 1);
        Definition = DefinitionSerializer.Deserialize(DefinitionSerializer.Serialize(definition)) with { Version = 0 };
        SnapshotVersion = "draft-" + DefinitionSerializer.ContentHash(Definition)[..12];
        _calendar = calendar;
        _engine = engine ?? new WorkflowEngine(ActivityRegistry.Default, new ExpressionEvaluator());
        _stepBudget = stepBudget;
        _maxSteps = maxSteps;
        Now = startAt.ToOffset(BusinessCalendar.KoreaOffset);
    }

    /// <summary>The frozen snapshot the run executes.</summary>
    public WorkflowDefinition Definition { get; }

    /// <summary>The snapshot's name: <c>draft-</c> and the start of its content hash.</summary>
    public string SnapshotVersion { get; }

    /// <summary>The virtual clock (Korea time).</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>Not started, running, completed, cancelled or faulted.</summary>
    public SimulationStatus Status => _state?.Status switch
    {
        null => SimulationStatus.NotStarted,
        InstanceStatus.Active => SimulationStatus.Running,
        InstanceStatus.Completed => SimulationStatus.Completed,
        InstanceStatus.Cancelled => SimulationStatus.Cancelled,
        _ => SimulationStatus.Faulted,
    };

    /// <summary>The End's status (Closed, Withdrawn…) once completed.</summary>
    public string? EndStatus => _state?.EndStatus;

    /// <summary>True while a token is parked on an incident.</summary>
    public bool HasIncidents => _state?.HasIncidents ?? false;

    /// <summary>The variables now (a copy).</summary>
    public JsonObject Variables => new((_state?.Variables ?? []).Select(v => KeyValuePair.Create(v.Key, v.Value?.DeepClone())));

    /// <summary>The nodes tokens are at now (waiting or parked).</summary>
    public IReadOnlyList<string> CurrentNodes => [.. (_state?.Tokens ?? []).Select(t => t.NodeId).Distinct(StringComparer.Ordinal)];

    /// <summary>The open tasks, oldest first.</summary>
    public IReadOnlyList<SimulatedTask> OpenTasks => _tasks;

    /// <summary>The pending timers, earliest first.</summary>
    public IReadOnlyList<SimulatedTimer> PendingTimers => [.. (_state?.Timers.Values ?? Enumerable.Empty<TimerRequest>()).OrderBy(t => t.FireAt).ThenBy(t => Sequence(t.Id)).Select(ToTimer)];

    /// <summary>Events delivered before anything waited for them (a WaitForEvent reached later takes them).</summary>
    public IReadOnlyList<InboxEvent> Inbox => _inbox;

    /// <summary>What would have been sent: the test sink of the outbox.</summary>
    public IReadOnlyList<CapturedNotice> Notices => _notices;

    /// <summary>Every incident raised, in order.</summary>
    public IReadOnlyList<IncidentRecord> Incidents => _incidents;

    /// <summary>The accepted steps, in order.</summary>
    public IReadOnlyList<SimulationStep> Steps => _steps;

    /// <summary>The whole history the run wrote.</summary>
    public IReadOnlyList<HistoryEntry> History => _history;

    /// <summary>The path so far: the nodes reached and the wires taken (read as the instance viewer reads it).</summary>
    public FlowPath Path => FlowPath.Read(Definition, _history, CurrentNodes);

    /// <summary>Starts the run at the Receive node and runs to the first wait states.</summary>
    /// <param name="variables">Initial values of declared variables.</param>
    /// <param name="petition">A projection of a petition for expressions (<c>petition</c>).</param>
    public SimulationResult Start(JsonObject? variables = null, JsonObject? petition = null)
    {
        if (_state is not null)
        {
            return SimulationResult.Refused("The test run has already started.");
        }

        _petition = petition?.DeepClone().AsObject();
        var result = Run(new StartCommand(NextOperation(), InstanceId, CorrelationId, variables?.DeepClone().AsObject(), IsNew: true), null);
        if (result.Outcome != CommandOutcome.Applied)
        {
            _petition = null;
            return SimulationResult.Refused(result.Message ?? "The run could not start.");
        }

        return Accept(result, SimulationStepKind.Started, "Started", null, null, null, null);
    }

    /// <summary>Takes an action on an open task, as an official would.</summary>
    /// <param name="taskId">The task's id (see <see cref="OpenTasks"/>).</param>
    /// <param name="action">One of the task's actions.</param>
    /// <param name="data">The form data (read as <c>task.data</c>).</param>
    /// <param name="actor">Who acts, for the history.</param>
    public SimulationResult TakeAction(string taskId, string action, JsonObject? data = null, string? actor = null)
    {
        if (Refusal() is { } refused)
        {
            return refused;
        }

        var task = _tasks.Find(t => t.Id == taskId);
        if (task is null)
        {
            return SimulationResult.Refused($"No open task has the id '{taskId}'.");
        }

        if (!task.Actions.Contains(action, StringComparer.Ordinal))
        {
            return SimulationResult.Refused($"'{action}' is not an action of task '{task.NodeId}'; it offers {string.Join(", ", task.Actions)}.");
        }

        var result = Run(new ResumeBookmarkCommand(NextOperation(), taskId, action, data?.DeepClone().AsObject(), actor ?? "analyst"), null);
        return result.Outcome == CommandOutcome.Applied
            ? Accept(result, SimulationStepKind.Action, $"Action '{action}' on task '{task.Title}' ({task.NodeId})", task.Id, action, null, null)
            : SimulationResult.Refused(result.Message ?? $"The action '{action}' was refused.");
    }

    /// <summary>Takes an action on the one open task of a node (a convenience for scripts written by node id).</summary>
    public SimulationResult TakeActionAt(string nodeId, string action, JsonObject? data = null, string? actor = null)
    {
        var tasks = _tasks.Where(t => t.NodeId == nodeId).ToList();
        return tasks.Count switch
        {
            _ when Refusal() is { } refused => refused,
            0 => SimulationResult.Refused($"No task is open at node '{nodeId}'."),
            1 => TakeAction(tasks[0].Id, action, data, actor),
            _ => SimulationResult.Refused($"{tasks.Count} tasks are open at node '{nodeId}'; choose one by its id."),
        };
    }

    /// <summary>Moves the virtual clock to the earliest pending timer and fires it.</summary>
    public SimulationResult FastForward()
    {
        if (Refusal() is { } refused)
        {
            return refused;
        }

        return PendingTimers.Count == 0
            ? SimulationResult.Refused("No timer is pending: there is nothing to fast-forward to.")
            : Fire(PendingTimers[0]);
    }

    /// <summary>Moves the virtual clock to <paramref name="instant"/>, firing in time order every timer due by then.</summary>
    public SimulationResult AdvanceTo(DateTimeOffset instant)
    {
        if (Refusal() is { } refused)
        {
            return refused;
        }

        if (instant < Now)
        {
            return SimulationResult.Refused($"The virtual clock is at {Format(Now)}; it cannot go back to {Format(instant)}.");
        }

        var steps = new List<SimulationStep>();
        while (Status == SimulationStatus.Running && PendingTimers is [var next, ..] && next.FireAt <= instant)
        {
            var fired = Fire(next);
            if (!fired.Accepted)
            {
                return new SimulationResult(steps.Count > 0, fired.Message, steps);
            }

            steps.AddRange(fired.Steps);
        }

        Now = instant.ToOffset(BusinessCalendar.KoreaOffset);
        return new SimulationResult(true, steps.Count == 0 ? $"No timer was due; the clock is at {Format(Now)}." : null, steps);
    }

    /// <summary>Delivers an event: to a waiting WaitForEvent, else a case-level handler, else the inbox.</summary>
    /// <param name="name">The event name, e.g. <c>FeedbackSubmitted</c>.</param>
    /// <param name="payload">Its data (read as <c>task.payload</c> after a WaitForEvent).</param>
    /// <param name="correlationKey">The case it is for; the run's own key when null.</param>
    public SimulationResult DeliverEvent(string name, JsonObject? payload = null, string? correlationKey = null)
    {
        if (Refusal() is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return SimulationResult.Refused("Name the event to deliver.");
        }

        var number = _operations + 1;
        var result = Run(new DeliverEventCommand(NextOperation(), $"test-event-{number}", name, correlationKey ?? CorrelationId, payload?.DeepClone().AsObject()), null);
        return result.Outcome switch
        {
            CommandOutcome.Applied => Accept(result, SimulationStepKind.Event, $"Event '{name}'", null, null, null, name),
            CommandOutcome.Buffered => Accept(result, SimulationStepKind.Event, $"Event '{name}' kept in the inbox: nothing waits for it yet", null, null, null, name, result.Message),
            _ => SimulationResult.Refused(result.Message ?? $"The event '{name}' was refused."),
        };
    }

    /// <summary>Cancels the run: its tasks and timers go.</summary>
    public SimulationResult Cancel(string reason = "Test run cancelled")
    {
        if (Refusal() is { } refused)
        {
            return refused;
        }

        var result = Run(new CancelCommand(NextOperation(), reason, "analyst"), null);
        return result.Outcome == CommandOutcome.Applied
            ? Accept(result, SimulationStepKind.Cancelled, $"Cancelled: {reason}", null, null, null, null)
            : SimulationResult.Refused(result.Message ?? "The run could not be cancelled.");
    }

    private SimulationResult Fire(SimulatedTimer timer)
    {
        var at = timer.FireAt > Now ? timer.FireAt : Now;
        var result = Run(new FireTimerCommand(timer.Id), at);
        if (result.Outcome != CommandOutcome.Applied)
        {
            return SimulationResult.Refused(result.Message ?? "The timer could not fire.");
        }

        Now = at;
        var what = timer.DeadlineId is { } deadline ? $"deadline '{deadline}' of {timer.NodeId}" : $"{timer.Kind} timer of {timer.NodeId}";
        return Accept(result, SimulationStepKind.Timer, $"Clock advanced to {Format(at)}; fired the {what}", timer.TaskId, null, timer, null);
    }

    private SimulationResult? Refusal() => Status switch
    {
        SimulationStatus.NotStarted => SimulationResult.Refused("Start the test run first."),
        SimulationStatus.Running when _steps.Count >= _maxSteps => SimulationResult.Refused($"The test run has taken its {_maxSteps} steps; start a new one."),
        SimulationStatus.Running => null,
        var status => SimulationResult.Refused($"The test run has ended ({status})."),
    };

    /// <summary>Runs a command at <paramref name="at"/> (the clock when null) without changing anything yet.</summary>
    private CommandResult Run(WorkflowCommand command, DateTimeOffset? at) =>
        _engine.Execute(Definition, _state, command, new EngineEnvironment(at ?? Now, _calendar, [.. _inbox], _petition, _stepBudget));

    /// <summary>Applies an engine result the run accepted: state, tasks, inbox, notices, history; records the step.</summary>
    private SimulationResult Accept(CommandResult result, SimulationStepKind kind, string description, string? taskId, string? action,
        SimulatedTimer? timer, string? eventName, string? message = null)
    {
        var delta = result.Delta;
        var number = _steps.Count + 1;
        _operations++;
        if (result.Outcome == CommandOutcome.Applied)
        {
            _state = result.State;
        }

        foreach (var created in delta.TasksCreated)
        {
            _tasks.Add(new SimulatedTask(created.Id, created.NodeId, created.Title, created.Description, created.Institution, created.Department,
                created.Position, created.Assignee, created.Actions, Kst(created.DueAt), created.DueExplanationKo, created.DueExplanationEn,
                created.Priority, created.Kind, false, Now));
        }

        foreach (var update in delta.TasksUpdated)
        {
            var index = _tasks.FindIndex(t => t.Id == update.TaskId);
            if (index < 0)
            {
                continue;
            }

            var task = _tasks[index];
            _tasks[index] = task with
            {
                Institution = update.Institution ?? task.Institution, Department = update.Department ?? task.Department,
                Position = update.Position ?? task.Position, Assignee = update.Assignee ?? task.Assignee,
                Escalated = task.Escalated || update.Escalated,
                DueAt = update.Due is null ? task.DueAt : Kst(update.Due.At),
                DueExplanationKo = update.Due is null ? task.DueExplanationKo : update.Due.ExplanationKo,
                DueExplanationEn = update.Due is null ? task.DueExplanationEn : update.Due.ExplanationEn,
            };
        }

        _tasks.RemoveAll(t => delta.TasksClosed.Exists(c => c.TaskId == t.Id));
        _inbox.RemoveAll(e => delta.InboxConsumed.Contains(e.EventId));
        if (delta.InboxAdded is { } early)
        {
            _inbox.Add(early);
        }

        var at = Now;
        _notices.AddRange(delta.Outbox.Select(o => new CapturedNotice(number, at, o.Type, o.IdempotencyKey, o.Payload.DeepClone().AsObject())));
        _incidents.AddRange(delta.Incidents);
        _history.AddRange(delta.History);

        var path = FlowPath.Read(Definition, delta.History);
        var step = new SimulationStep(number, at, kind, description, result.Outcome, taskId, action, timer, eventName,
            path.Visited, path.Wires, [.. delta.History], [.. delta.Incidents]);
        _steps.Add(step);
        return new SimulationResult(true, message, [step]);
    }

    private SimulatedTimer ToTimer(TimerRequest timer) =>
        new(timer.Id, timer.NodeId, _state?.Bookmarks.GetValueOrDefault(timer.BookmarkId)?.Payload?["task"] is not null ? timer.BookmarkId : null,
            timer.FireAt.ToOffset(BusinessCalendar.KoreaOffset), timer.Kind, timer.DeadlineId);

    /// <summary>The next operation's id; the counter moves only when a step is accepted, so a refusal leaves no trace.</summary>
    private string NextOperation() => $"test-op-{_operations + 1}";

    /// <summary>The counter at the end of an engine id (<c>{instance}-{n}</c>): the order ids were made in.</summary>
    private static long Sequence(string id) =>
        long.TryParse(id.AsSpan(id.LastIndexOf('-') + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : long.MaxValue;

    private static DateTimeOffset? Kst(DateTimeOffset? at) => at?.ToOffset(BusinessCalendar.KoreaOffset);

    private static string Format(DateTimeOffset at) =>
        at.ToOffset(BusinessCalendar.KoreaOffset).ToString("yyyy-MM-dd HH:mm 'KST'", CultureInfo.InvariantCulture);
}
