using System.Text.Json.Nodes;
using EPeople.Workflows.Activities;
using EPeople.Workflows.Calendar;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Expressions;
using EPeople.Workflows.Runtime;
using EPeople.Workflows.UnitTests.Validation;

namespace EPeople.Workflows.UnitTests.Runtime;

/// <summary>
/// Drives the pure engine through a scenario: keeps the state, the open tasks and timers, the outbox and the
/// history the store would hold, and a clock the test moves.
/// </summary>
internal sealed class EngineHarness
{
    public static readonly BusinessCalendar Calendar =
        BusinessCalendar.FromJson(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Shipped", "holidays-kr.json")));

    private readonly WorkflowEngine _engine = new(ActivityRegistry.Default, new ExpressionEvaluator());
    private int _operations;

    public EngineHarness(JsonObject document, bool validate = true)
    {
        var json = document.ToJsonString();
        if (validate)
        {
            var report = EPeople.Workflows.Validation.DefinitionValidator.Default.Validate(json);
            report.Problems.ShouldBeEmpty(string.Join("\n", report.Problems));
        }

        Definition = DefinitionSerializer.Deserialize(json) with { Version = 1 };
    }

    public WorkflowDefinition Definition { get; private set; }
    public InstanceState State { get; private set; } = null!;
    public DateTimeOffset Now { get; set; } = new(2026, 11, 30, 10, 0, 0, BusinessCalendar.KoreaOffset); // a Monday
    public Dictionary<string, TaskRequest> OpenTasks { get; } = [];
    public List<(string TaskId, TaskClosure Closure, string? Action)> ClosedTasks { get; } = [];
    public List<TaskUpdate> TaskUpdates { get; } = [];
    public Dictionary<string, TimerRequest> Timers { get; } = [];
    public List<OutboxRequest> Outbox { get; } = [];
    public List<HistoryEntry> History { get; } = [];
    public List<IncidentRecord> Incidents { get; } = [];
    public List<InboxEvent> Inbox { get; } = [];
    public CommandResult Last { get; private set; } = null!;

    public static EngineHarness Reference(Action<JsonObject>? change = null, bool validate = true)
    {
        var document = DefinitionDocument.Reference();
        change?.Invoke(document);
        return new EngineHarness(document, validate);
    }

    public CommandResult Start(JsonObject? variables = null) =>
        Run(new StartCommand(NextOperation(), Guid.Parse("0b5f6a64-8d2e-4c1a-9e77-3a1f2b4c5d6e"), "petition-1", variables));

    public CommandResult Act(string nodeId, string action, JsonObject? data = null) =>
        Run(new ResumeBookmarkCommand(NextOperation(), TaskAt(nodeId).Id, action, data, "officer@test"));

    public CommandResult Answer(string institution, string action) =>
        Run(new ResumeBookmarkCommand(NextOperation(), OpenTasks.Values.Single(t => t.Institution == institution).Id, action, null, institution + "@test"));

    public CommandResult Deliver(string name, string key = "petition-1", JsonObject? payload = null) =>
        Run(new DeliverEventCommand(NextOperation(), Guid.NewGuid().ToString("N"), name, key, payload));

    /// <summary>Fires, in time order, every timer due by <paramref name="until"/>, moving the clock to each.</summary>
    public void FireTimersUntil(DateTimeOffset until)
    {
        while (Timers.Values.Where(t => t.FireAt <= until).OrderBy(t => t.FireAt).FirstOrDefault() is { } timer)
        {
            Now = timer.FireAt;
            Run(new FireTimerCommand(timer.Id));
        }

        Now = until;
    }

    public TaskRequest TaskAt(string nodeId) => OpenTasks.Values.Single(t => t.NodeId == nodeId);

    public CommandResult Run(WorkflowCommand command)
    {
        Last = _engine.Execute(Definition, command is StartCommand ? null : State, command, new EngineEnvironment(Now, Calendar, [.. Inbox]));
        if (Last.Outcome is CommandOutcome.Applied)
        {
            State = Last.State;
        }

        var delta = Last.Delta;
        foreach (var task in delta.TasksCreated)
        {
            OpenTasks[task.Id] = task;
        }

        foreach (var closed in delta.TasksClosed)
        {
            OpenTasks.Remove(closed.TaskId);
            ClosedTasks.Add(closed);
        }

        TaskUpdates.AddRange(delta.TasksUpdated);
        foreach (var timer in delta.TimersCreated)
        {
            Timers[timer.Id] = timer;
        }

        foreach (var timer in delta.TimersRemoved)
        {
            Timers.Remove(timer);
        }

        Outbox.AddRange(delta.Outbox);
        History.AddRange(delta.History);
        Incidents.AddRange(delta.Incidents);
        Inbox.RemoveAll(e => delta.InboxConsumed.Contains(e.EventId));
        if (delta.InboxAdded is { } early)
        {
            Inbox.Add(early);
        }

        return Last;
    }

    public void Migrate(WorkflowDefinition target, IReadOnlyDictionary<string, string> map)
    {
        Run(new MigrateCommand(NextOperation(), target, map));
        if (Last.Outcome == CommandOutcome.Applied)
        {
            Definition = target;
        }
    }

    private string NextOperation() => $"op-{++_operations}";
}
