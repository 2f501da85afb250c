using EPeople.Workflows.Runtime;
using System.Text.Json.Nodes;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Validation;

namespace EPeople.Workflows.Activities;

/// <summary>
/// Work for a person: assigned to an institution, a department, a position and/or a user, due by a date on the
/// business calendar, with reminders, escalations and interrupting deadlines. Each action is an outcome port.
/// </summary>
public sealed class HumanTaskActivity : Activity
{
    /// <summary>The type name.</summary>
    public const string TypeName = "EPeople.HumanTask";

    /// <summary>Action keys the engine keeps for itself.</summary>
    public static readonly IReadOnlyList<string> ReservedActions = ["Timeout", "Cancelled", "Overdue"];

    /// <summary>The positions work can be assigned to.</summary>
    public static readonly IReadOnlyList<string> Positions = ["Officer", "DepartmentHead"];

    private static readonly string[] AssignmentInputs = ["institution", "department", "position", "assignee"];

    /// <inheritdoc />
    public override ActivityDescriptor Descriptor { get; } = new(
        TypeName, 1, "Human task", "People", ActivityKind.WaitState,
        "A task in an official's worklist; the flow goes on along the action the official takes.",
        [
            new InputDescriptor("title", "string", "Title", "Shown in the worklist (Liquid).", Required: true, Languages: Languages.Text),
            new InputDescriptor("description", "string", "Description", "Instructions (Liquid).", Languages: Languages.Text, UiHint: "multi-line"),
            new InputDescriptor("institution", "institutionRef", "Institution", "The institution whose officials do it.", Languages: Languages.LiteralOrScript, UiHint: "assignment"),
            new InputDescriptor("department", "string", "Department", "The department (within the institution).", Languages: Languages.LiteralOrScript, UiHint: "assignment"),
            new InputDescriptor("position", "roleRef", "Position", "Officer or DepartmentHead.", Languages: Languages.LiteralOnly, UiHint: "dropdown", Options: Positions),
            new InputDescriptor("assignee", "userRef", "Person", "A named user.", Languages: Languages.LiteralOrScript, UiHint: "assignment"),
            new InputDescriptor("due", "duration", "Due", "P7WD, PT3WH… or an instant expression.", Required: true, Languages: Languages.LiteralOrScript, UiHint: "duration"),
            new InputDescriptor("priority", "int", "Priority", "1 (highest) to 5.", Languages: Languages.LiteralOnly),
            new InputDescriptor("formKey", "string", "Form", "The form officials fill in.", Languages: Languages.LiteralOnly),
            new InputDescriptor("actions", "json", "Actions", "[{ \"key\": \"Answer\" }, { \"key\": \"Transfer\" }]", Required: true, Syntax: InputSyntax.Structured, UiHint: "actions"),
            new InputDescriptor("deadlines", "json", "Deadlines", "Reminders, escalations and interrupting deadlines.", Syntax: InputSyntax.Structured, UiHint: "deadlines"),
        ],
        []);

    /// <summary>The action keys, in order.</summary>
    public static IReadOnlyList<string> ActionKeys(ActivityNode node) =>
        node.Structured("actions") is JsonArray array
            ? [.. array.OfType<JsonObject>().Select(a => DefinitionContext.Text(a, "key") ?? "")]
            : [];

    /// <inheritdoc />
    public override IReadOnlyList<PortDescriptor> Outcomes(ActivityNode node) =>
    [
        .. ActionKeys(node).Select(k => new PortDescriptor(k, k)),
        .. TaskDeadline.Read(node, null).Where(d => d is { Interrupting: true, Outcome: not null }).Select(d => d.Outcome!).Distinct()
            .Select(o => new PortDescriptor(o, o)),
    ];

    /// <inheritdoc />
    public override void Validate(ActivityNode node, DefinitionContext context)
    {
        if (!AssignmentInputs.Any(node.Inputs.ContainsKey))
        {
            context.Error(Rules.HumanTask, node.Id, "The task is assigned to nobody.", "Set at least one of institution, department, position or assignee.");
        }

        if (DefinitionContext.LiteralText(node, "position") is { } position && !Positions.Contains(position))
        {
            context.Error(Rules.HumanTask, node.Id, $"'{position}' is not a position.", "Use Officer or DepartmentHead.");
        }

        if (DefinitionContext.LiteralText(node, "due") is { } due)
        {
            context.CheckDuration(node, "The due period", due);
        }

        var actions = context.StructuredObjects(node, "actions");
        if (actions is { Count: 0 })
        {
            context.Error(Rules.HumanTask, node.Id, "The task has no actions.", "Add at least one action, e.g. { \"key\": \"Answer\" }.");
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in ActionKeys(node))
        {
            if (key.Length == 0 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                context.Error(Rules.HumanTask, node.Id, $"Action key '{key}' must be a word of letters, digits, '_' or '-'.", "Rename the action.");
            }
            else if (ReservedActions.Contains(key))
            {
                context.Error(Rules.HumanTask, node.Id, $"Action key '{key}' is reserved.", $"Reserved: {string.Join(", ", ReservedActions)}; use a deadline with an outcome instead.");
            }
            else if (!keys.Add(key))
            {
                context.Error(Rules.HumanTask, node.Id, $"Action key '{key}' is repeated.", "Each action needs its own key.");
            }
        }

        ValidateDeadlines(node, context);
    }

    private static void ValidateDeadlines(ActivityNode node, DefinitionContext context)
    {
        var deadlines = TaskDeadline.Read(node, context);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var deadline in deadlines)
        {
            if (deadline.Id.Length == 0 || !ids.Add(deadline.Id))
            {
                context.Error(Rules.HumanTask, node.Id, $"Deadline id '{deadline.Id}' is empty or repeated.", "Give each deadline its own id (it keys the one notice it sends).");
            }

            if (!TaskDeadline.Actions.Contains(deadline.Action))
            {
                context.Error(Rules.HumanTask, node.Id, $"Deadline '{deadline.Id}': '{deadline.Action}' is not a deadline action.", $"Use one of: {string.Join(", ", TaskDeadline.Actions)}.");
            }

            if (deadline.Action == "Outcome" && (!deadline.Interrupting || deadline.Outcome is null || !TaskDeadline.Outcomes.Contains(deadline.Outcome)))
            {
                context.Error(Rules.HumanTask, node.Id, $"Deadline '{deadline.Id}' ends the task, so it must be interrupting with outcome Overdue or Timeout.", "Set \"interrupting\": true and \"outcome\": \"Overdue\".");
            }

            if (deadline.Action != "Outcome" && deadline.Interrupting)
            {
                context.Error(Rules.HumanTask, node.Id, $"Deadline '{deadline.Id}' is interrupting but does not end the task.", "Only an Outcome deadline interrupts; set \"interrupting\": false.");
            }

            if (deadline.Action is "Escalate" or "Reassign"
                && (deadline.To is null || !deadline.To.Any(p => p.Key is "institution" or "department" or "position" or "assignee")))
            {
                context.Error(Rules.HumanTask, node.Id, $"Deadline '{deadline.Id}' escalates to nobody.", "Set \"to\": { \"position\": \"DepartmentHead\" } (or department, institution, assignee).");
            }
        }

        foreach (var anchor in new[] { "due", "created" })
        {
            var keys = deadlines.Where(d => d.Anchor == anchor).Select(d => d.OrderKey).ToList();
            if (!keys.SequenceEqual(keys.Order()))
            {
                context.Error(Rules.HumanTask, node.Id, $"The deadlines relative to '{anchor}' are not in time order.", "List reminders before escalations before the final deadline.");
            }
        }
    }

    /// <summary>The outbox message type of task reminders and escalation notices.</summary>
    public const string DeadlineOutboxType = "workflow.task-deadline";

    /// <inheritdoc />
    public override ActivityResult Execute(ActivityExecutionContext context)
    {
        var actions = ActionKeys(context.Node);
        var due = DueOf(context);
        var (institution, department, position, assignee) = (context.Text("institution"), context.Text("department"), context.Text("position"), context.Text("assignee"));
        if (string.IsNullOrWhiteSpace(institution) && string.IsNullOrWhiteSpace(department) && string.IsNullOrWhiteSpace(position) && string.IsNullOrWhiteSpace(assignee))
        {
            // The validator saw assignment inputs, but their expressions gave nothing: a task nobody could see is an incident, not a silent wait.
            throw new ActivityFaultException("The task resolved to no institution, department, position or user. Check the assignment expressions and the variables they read.");
        }

        var bookmark = context.Wait(BookmarkKind.Task, new JsonObject { ["task"] = true, ["actions"] = new JsonArray([.. actions.Select(a => (JsonNode)a)]) });
        context.CreateTask(new TaskRequest(
            bookmark.Id, context.Node.Id, context.Text("title") ?? context.Node.Id, context.Text("description"),
            institution, department, position, assignee,
            actions, due?.At, due?.ExplanationKo, due?.ExplanationEn,
            int.TryParse(context.Text("priority"), out var priority) ? priority : 3, context.Text("formKey"), BookmarkKind.Task));
        foreach (var deadline in TaskDeadline.Read(context.Node, null))
        {
            var anchor = deadline.Anchor == "due"
                ? due?.At ?? throw new ActivityFaultException($"Deadline '{deadline.Id}' is relative to 'due', but the task has no due date.")
                : context.Now;
            var at = deadline.Offset is null ? anchor : context.Calendar.Shift(anchor, deadline.Offset, deadline.Sign);
            context.CreateTimer(bookmark.Id, at, TimerKind.Deadline, deadline.Id);
        }

        return ActivityResult.Wait;
    }

    /// <summary>
    /// The reserved signal that moves an open task's due date without completing it (an extension, a supplement
    /// pausing the clock): <c>data: { due: ISO instant or null, explanationKo, explanationEn }</c>. Deadlines counted
    /// from the due date are set again from the new one; with no due date they wait until one is given.
    /// </summary>
    public const string RescheduleSignal = "$reschedule";

    private static ActivityResult Reschedule(ActivityExecutionContext context, Bookmark bookmark, ResumeSignal signal)
    {
        var text = signal.Data?["due"]?.GetValue<string>();
        DateTimeOffset? due = text is null ? null
            : DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at
            : throw new CommandRejectedException($"'{text}' is not an instant.");
        var dueDeadlines = TaskDeadline.Read(context.Node, null).Where(d => d.Anchor == "due").ToList();
        context.CancelTimers(bookmark.Id, t => t.Kind == TimerKind.Deadline && dueDeadlines.Exists(d => d.Id == t.DeadlineId));
        if (due is { } newDue)
        {
            foreach (var deadline in dueDeadlines)
            {
                context.CreateTimer(bookmark.Id, deadline.Offset is null ? newDue : context.Calendar.Shift(newDue, deadline.Offset, deadline.Sign), TimerKind.Deadline, deadline.Id);
            }
        }

        context.UpdateTask(new TaskUpdate(bookmark.Id, null, null, null, null, false,
            new TaskDueChange(due, signal.Data?["explanationKo"]?.GetValue<string>(), signal.Data?["explanationEn"]?.GetValue<string>())));
        context.History("TaskRescheduled", new JsonObject { ["taskId"] = bookmark.Id, ["due"] = text }, signal.Actor);
        return ActivityResult.Wait;
    }

    /// <inheritdoc />
    public override ActivityResult OnResume(ActivityExecutionContext context, Bookmark bookmark, ResumeSignal signal)
    {
        if (signal.Timer is { Kind: TimerKind.Deadline, DeadlineId: var deadlineId })
        {
            return OnDeadline(context, bookmark, TaskDeadline.Read(context.Node, null).FirstOrDefault(d => d.Id == deadlineId)
                ?? throw new ActivityFaultException($"Deadline '{deadlineId}' is not defined on this task."));
        }

        if (signal.Action == RescheduleSignal)
        {
            return Reschedule(context, bookmark, signal);
        }

        var actions = ActionKeys(context.Node);
        if (signal.Action is not { } action || !actions.Contains(action))
        {
            throw new CommandRejectedException($"'{signal.Action}' is not an action of this task; it offers {string.Join(", ", actions)}.");
        }

        context.CloseBookmark(bookmark.Id, TaskClosure.Completed, action);
        context.SetLastTask(new JsonObject { ["action"] = action, ["data"] = signal.Data?.DeepClone(), ["actor"] = signal.Actor, ["taskId"] = bookmark.Id });
        context.History("TaskCompleted", new JsonObject { ["taskId"] = bookmark.Id, ["action"] = action }, signal.Actor);
        return ActivityResult.Continue(action);
    }

    private static ActivityResult OnDeadline(ActivityExecutionContext context, Bookmark bookmark, TaskDeadline deadline)
    {
        context.History("Deadline", new JsonObject { ["taskId"] = bookmark.Id, ["deadline"] = deadline.Id, ["action"] = deadline.Action });
        switch (deadline.Action)
        {
            case "Outcome":
                context.CloseBookmark(bookmark.Id, TaskClosure.TimedOut, deadline.Outcome);
                context.SetLastTask(new JsonObject { ["outcome"] = deadline.Outcome, ["taskId"] = bookmark.Id });
                return ActivityResult.Continue(deadline.Outcome!);
            case "Escalate" or "Reassign":
                var to = deadline.To!;
                context.UpdateTask(new TaskUpdate(bookmark.Id, Text(to, "institution"), Text(to, "department"), Text(to, "position"), Text(to, "assignee"), deadline.Action == "Escalate"));
                break;
        }

        context.Outbox(DeadlineOutboxType, new JsonObject
        {
            ["taskId"] = bookmark.Id, ["deadline"] = deadline.Id, ["action"] = deadline.Action, ["to"] = deadline.To?.DeepClone(),
            ["instanceId"] = context.State.InstanceId, ["correlationId"] = context.CorrelationId,
        }, "deadline:" + deadline.Id);
        return ActivityResult.Wait;
    }

    private static Calendar.DueDate? DueOf(ActivityExecutionContext context)
    {
        var due = context.Node.Expression("due");
        if (due is null)
        {
            return null;
        }

        var text = context.Text("due");
        // A duration (written in the definition or read from a variable, e.g. the kind's statutory period) runs from now.
        if (Calendar.WorkflowDuration.TryParse(text, out var duration))
        {
            return context.Calendar.DueAfter(context.Now, duration);
        }

        return DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? new Calendar.DueDate(at, "Instant", $"처리기한 {at.ToOffset(Calendar.BusinessCalendar.KoreaOffset):yyyy-MM-dd HH:mm} KST (지정 일시).", $"Due {at.ToOffset(Calendar.BusinessCalendar.KoreaOffset):yyyy-MM-dd HH:mm} KST (a set instant).", [])
            : throw new ActivityFaultException($"'due' gave '{text}', which is neither a duration nor an instant.");
    }

    private static string? Text(JsonObject item, string property) => DefinitionContext.Text(item, property);
}
