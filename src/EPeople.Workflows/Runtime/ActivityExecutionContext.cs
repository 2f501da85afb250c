using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using EPeople.Workflows.Activities;
using EPeople.Workflows.Calendar;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Expressions;

namespace EPeople.Workflows.Runtime;

/// <summary>What an activity can see and do while it executes one token: read inputs, set variables, wait on
/// bookmarks, create tasks, timers and outbox messages. Everything it does lands in the command's one commit.</summary>
public sealed class ActivityExecutionContext
{
    private readonly ExecutionRun _run;

    internal ActivityExecutionContext(ExecutionRun run, ActivityNode node, Token token)
    {
        _run = run;
        Node = node;
        Token = token;
    }

    /// <summary>The node being executed.</summary>
    public ActivityNode Node { get; }

    /// <summary>The token at the node.</summary>
    public Token Token { get; }

    /// <summary>The instance state (for activities keeping their own state, like joint handling).</summary>
    public InstanceState State => _run.State;

    /// <summary>The definition.</summary>
    public WorkflowDefinition Definition => _run.Definition;

    /// <summary>The current instant.</summary>
    public DateTimeOffset Now => _run.Environment.Now;

    /// <summary>The business calendar.</summary>
    public BusinessCalendar Calendar => _run.Environment.Calendar;

    /// <summary>The value of an input, or null when absent.</summary>
    public JsonNode? Evaluate(string input) =>
        Node.Expression(input) is { } expression ? _run.Expressions.Evaluate(expression, Scope()) : null;

    /// <summary>The value of an input as text, or null.</summary>
    public string? Text(string input) =>
        Node.Expression(input) is { } expression ? _run.Expressions.EvaluateText(expression, Scope()) : null;

    /// <summary>The value of an input as a boolean.</summary>
    public bool Bool(string input) =>
        _run.Expressions.EvaluateBool(Node.Expression(input) ?? throw new ActivityFaultException($"Input '{input}' is missing."), Scope());

    /// <summary>Evaluates JavaScript source (e.g. a switch case's condition) as a boolean.</summary>
    public bool Condition(string script) =>
        _run.Expressions.EvaluateBool(new WorkflowExpression(ExpressionLanguage.JavaScript, JsonValue.Create(script), "JavaScript"), Scope());

    /// <summary>Sets a variable.</summary>
    public void SetVariable(string name, JsonNode? value) => _run.State.Variables[name] = value?.DeepClone();

    /// <summary>Records the result of a task (read as <c>task</c> by later expressions).</summary>
    public void SetLastTask(JsonObject result) => _run.State.LastTask = result;

    /// <summary>Makes the token wait on a new bookmark.</summary>
    public Bookmark Wait(BookmarkKind kind, JsonObject? payload = null, string? hash = null)
    {
        var bookmark = AddBookmark(kind, payload, hash);
        Token.BookmarkId = bookmark.Id;
        return bookmark;
    }

    /// <summary>Adds a bookmark for this token without making it the token's own (joint-handling branches).</summary>
    public Bookmark AddBookmark(BookmarkKind kind, JsonObject? payload = null, string? hash = null)
    {
        var bookmark = new Bookmark
        {
            Id = _run.NewId(), NodeId = Node.Id, ActivationId = Token.ActivationId, TokenId = Token.Id, Kind = kind, Hash = hash, Payload = payload,
        };
        _run.State.Bookmarks[bookmark.Id] = bookmark;
        _run.Delta.BookmarksAdded.Add(bookmark);
        return bookmark;
    }

    /// <summary>Consumes or cancels a bookmark with its task and timers.</summary>
    public void CloseBookmark(string bookmarkId, TaskClosure closure, string? action = null) => _run.RemoveBookmark(bookmarkId, closure, action);

    /// <summary>Puts a task in the worklist.</summary>
    public void CreateTask(TaskRequest task)
    {
        _run.Delta.TasksCreated.Add(task);
        History("TaskCreated", new JsonObject { ["taskId"] = task.Id, ["title"] = task.Title, ["institution"] = task.Institution, ["dueAt"] = task.DueAt });
    }

    /// <summary>Changes a task's assignment (escalation, reassignment).</summary>
    public void UpdateTask(TaskUpdate update) => _run.Delta.TasksUpdated.Add(update);

    /// <summary>Schedules a durable timer for a bookmark.</summary>
    /// <summary>Cancels the pending timers of a bookmark that match (a task's deadlines, before they are set again).</summary>
    public void CancelTimers(string bookmarkId, Func<TimerRequest, bool> match)
    {
        foreach (var timer in _run.State.Timers.Values.Where(t => t.BookmarkId == bookmarkId && match(t)).ToList())
        {
            _run.State.Timers.Remove(timer.Id);
            _run.Delta.TimersRemoved.Add(timer.Id);
        }
    }

    public TimerRequest CreateTimer(string bookmarkId, DateTimeOffset fireAt, TimerKind kind, string? deadlineId = null)
    {
        var timer = new TimerRequest(_run.NewId(), bookmarkId, Node.Id, fireAt, kind, deadlineId);
        _run.State.Timers[timer.Id] = timer;
        _run.Delta.TimersCreated.Add(timer);
        return timer;
    }

    /// <summary>Queues a side effect in the outbox, keyed by instance, node, activation and <paramref name="key"/>.</summary>
    public void Outbox(string type, JsonObject payload, string key) =>
        _run.Delta.Outbox.Add(new OutboxRequest($"wf:{_run.State.InstanceId:N}:{Node.Id}:{Token.ActivationId}:{key}", type, payload));

    /// <summary>Appends a history entry for this node.</summary>
    public void History(string @event, JsonObject? data = null, string? actor = null) => _run.History(Node.Id, @event, actor, data);

    /// <summary>A new unique id in this instance.</summary>
    public string NewId() => _run.NewId();

    /// <summary>Registers this token's arrival at a join; true when the join lets the flow go on.</summary>
    public bool ArriveAtJoin(JoinMode mode) => _run.ArriveAtJoin(Node, Token, mode);

    /// <summary>Takes an early event for this wait from the inbox, or null.</summary>
    public InboxEvent? TakeFromInbox(string name, string correlationKey) => _run.TakeFromInbox(name, correlationKey);

    /// <summary>The correlation key events are matched by: the instance's business key unless given.</summary>
    public string CorrelationId => _run.State.CorrelationId;

    /// <summary>The hash that finds an event bookmark without loading instances.</summary>
    public static string EventHash(string name, string correlationKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name + "\n" + correlationKey)));

    private ExpressionScope Scope() => new(
        new JsonObject(_run.State.Variables.Select(v => KeyValuePair.Create(v.Key, v.Value?.DeepClone()))),
        _run.Environment.Petition, _run.State.LastTask, Now);
}
