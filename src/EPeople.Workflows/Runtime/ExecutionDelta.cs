namespace EPeople.Workflows.Runtime;

/// <summary>How a task left the worklist.</summary>
public enum TaskClosure
{
    /// <summary>An action was taken.</summary>
    Completed,

    /// <summary>The flow moved on without it (an End, a join, a case event, a cancel).</summary>
    Cancelled,

    /// <summary>An interrupting deadline ended it.</summary>
    TimedOut,
}

/// <summary>A change of a task's assignment by an escalation or reassignment deadline.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="Institution">The new institution, if changed.</param>
/// <param name="Department">The new department, if changed.</param>
/// <param name="Position">The new position, if changed.</param>
/// <param name="Assignee">The new user, if changed.</param>
/// <param name="Escalated">Marks the task as escalated.</param>
/// <param name="Due">A new due date (extension, supplement pause), when changed.</param>
public sealed record TaskUpdate(string TaskId, string? Institution, string? Department, string? Position, string? Assignee, bool Escalated, TaskDueChange? Due = null);

/// <summary>A task's new due date (null: no due date while the clock is paused) with how it was set.</summary>
public sealed record TaskDueChange(DateTimeOffset? At, string? ExplanationKo, string? ExplanationEn);

/// <summary>
/// Everything one command changed besides the instance state: the store writes it in the same transaction as
/// the state (bookmarks, tasks, timers, outbox, history, incidents, consumed inbox events).
/// </summary>
public sealed class ExecutionDelta
{
    /// <summary>Bookmarks created.</summary>
    public List<Bookmark> BookmarksAdded { get; } = [];

    /// <summary>Bookmarks consumed or cancelled.</summary>
    public List<string> BookmarksRemoved { get; } = [];

    /// <summary>Tasks created.</summary>
    public List<TaskRequest> TasksCreated { get; } = [];

    /// <summary>Tasks reassigned or escalated.</summary>
    public List<TaskUpdate> TasksUpdated { get; } = [];

    /// <summary>Tasks closed, with how and by which action.</summary>
    public List<(string TaskId, TaskClosure Closure, string? Action)> TasksClosed { get; } = [];

    /// <summary>Timers created.</summary>
    public List<TimerRequest> TimersCreated { get; } = [];

    /// <summary>Timers cancelled or fired.</summary>
    public List<string> TimersRemoved { get; } = [];

    /// <summary>Side effects for the outbox.</summary>
    public List<OutboxRequest> Outbox { get; } = [];

    /// <summary>History entries to append.</summary>
    public List<HistoryEntry> History { get; } = [];

    /// <summary>Incidents raised.</summary>
    public List<IncidentRecord> Incidents { get; } = [];

    /// <summary>Tokens whose incidents an operator's retry resolved.</summary>
    public List<string> IncidentsResolved { get; } = [];

    /// <summary>Inbox events consumed by a wait that began.</summary>
    public List<string> InboxConsumed { get; } = [];

    /// <summary>An event nobody waited for, to keep in the inbox.</summary>
    public InboxEvent? InboxAdded { get; set; }
}
