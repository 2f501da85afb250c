using EPeople.Workflows.Runtime;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Validation;

namespace EPeople.Workflows.Activities;

/// <summary>
/// Waits for a named event correlated to this case (by default the petition id). An event that arrived before
/// the wait began is taken from the inbox. With a <c>timeout</c>, the <c>Timeout</c> port must be wired.
/// </summary>
public sealed class WaitForEventActivity : Activity
{
    /// <summary>The type name.</summary>
    public const string TypeName = "EPeople.WaitForEvent";

    /// <inheritdoc />
    public override ActivityDescriptor Descriptor { get; } = new(
        TypeName, 1, "Wait for event", "Events", ActivityKind.WaitState,
        "Waits for an event, e.g. SupplementProvided.",
        [
            new InputDescriptor("event", "string", "Event", "A registered event name.", Required: true, Languages: Languages.LiteralOnly, UiHint: "dropdown"),
            new InputDescriptor("correlationKey", "string", "Correlation key", "Which case the event belongs to; the petition id when empty.", Languages: Languages.LiteralOrScript),
            new InputDescriptor("timeout", "duration", "Time-out", "Give up after this long (e.g. P10D).", Languages: Languages.LiteralOnly, UiHint: "duration"),
        ],
        [new PortDescriptor("Received", "Received")]);

    /// <inheritdoc />
    public override IReadOnlyList<PortDescriptor> Outcomes(ActivityNode node) =>
        node.Inputs.ContainsKey("timeout") ? [.. Descriptor.Outcomes, new PortDescriptor("Timeout", "Timed out")] : Descriptor.Outcomes;

    /// <inheritdoc />
    public override void Validate(ActivityNode node, DefinitionContext context)
    {
        if (DefinitionContext.LiteralText(node, "event") is { } name && !context.Events.Contains(name))
        {
            context.Error(Rules.Event, node.Id, $"'{name}' is not a registered event.", $"Use one of: {string.Join(", ", context.Events.Names.Order())}.");
        }

        if (node.Inputs.ContainsKey("timeout"))
        {
            context.CheckDuration(node, "The time-out", DefinitionContext.LiteralText(node, "timeout"));
        }
    }

    /// <inheritdoc />
    public override ActivityResult Execute(ActivityExecutionContext context)
    {
        var name = context.Text("event") ?? throw new ActivityFaultException("No event named.");
        var key = context.Text("correlationKey") ?? context.CorrelationId;
        if (context.TakeFromInbox(name, key) is { } early)
        {
            context.SetLastTask(new System.Text.Json.Nodes.JsonObject { ["event"] = name, ["payload"] = early.Payload?.DeepClone() });
            context.History("EventReceived", new System.Text.Json.Nodes.JsonObject { ["event"] = name, ["fromInbox"] = true });
            return ActivityResult.Continue("Received");
        }

        var bookmark = context.Wait(BookmarkKind.Event, new System.Text.Json.Nodes.JsonObject { ["event"] = name, ["correlationKey"] = key }, ActivityExecutionContext.EventHash(name, key));
        if (context.Text("timeout") is { } timeout)
        {
            var duration = Calendar.WorkflowDuration.TryParse(timeout, out var d) ? d : throw new ActivityFaultException($"'{timeout}' is not a duration.");
            context.CreateTimer(bookmark.Id, context.Calendar.DueAfter(context.Now, duration).At, TimerKind.Timeout);
        }

        return ActivityResult.Wait;
    }

    /// <inheritdoc />
    public override ActivityResult OnResume(ActivityExecutionContext context, Bookmark bookmark, ResumeSignal signal)
    {
        context.CloseBookmark(bookmark.Id, TaskClosure.Completed);
        if (signal.Timer is not null)
        {
            return ActivityResult.Continue("Timeout");
        }

        context.SetLastTask(new System.Text.Json.Nodes.JsonObject { ["event"] = bookmark.Payload?["event"]?.DeepClone(), ["payload"] = signal.EventPayload?.DeepClone() });
        context.History("EventReceived", new System.Text.Json.Nodes.JsonObject { ["event"] = bookmark.Payload?["event"]?.DeepClone() });
        return ActivityResult.Continue("Received");
    }
}
