using EPeople.Workflows.Runtime;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Validation;

namespace EPeople.Workflows.Activities;

/// <summary>Waits for a duration (<c>for</c>, on the business calendar) or until an instant (<c>until</c>).</summary>
public sealed class TimerActivity : Activity
{
    /// <summary>The type name.</summary>
    public const string TypeName = "EPeople.Timer";

    /// <inheritdoc />
    public override ActivityDescriptor Descriptor { get; } = new(
        TypeName, 1, "Timer", "Time", ActivityKind.WaitState,
        "Waits for a duration or until an instant.",
        [
            new InputDescriptor("for", "duration", "Wait for", "P3WD, PT4WH, P14D…", Languages: Languages.LiteralOnly, UiHint: "duration"),
            new InputDescriptor("until", "instant", "Wait until", "A JavaScript expression giving an instant.", Languages: Languages.ScriptOnly, UiHint: "code"),
        ],
        [new PortDescriptor("Done", "Elapsed")]);

    /// <inheritdoc />
    public override void Validate(ActivityNode node, DefinitionContext context)
    {
        var hasFor = node.Inputs.ContainsKey("for");
        var hasUntil = node.Inputs.ContainsKey("until");
        if (hasFor == hasUntil)
        {
            context.Error(Rules.Duration, node.Id, "A timer needs exactly one of 'for' and 'until'.", "Give a duration in 'for' (e.g. P3WD) or an instant expression in 'until'.");
        }

        if (hasFor && DefinitionContext.LiteralText(node, "for") is { } text)
        {
            context.CheckDuration(node, "The timer's duration", text);
        }
    }

    /// <inheritdoc />
    public override ActivityResult Execute(ActivityExecutionContext context)
    {
        DateTimeOffset fireAt;
        if (context.Node.Inputs.ContainsKey("for"))
        {
            var text = context.Text("for");
            fireAt = context.Calendar.DueAfter(context.Now, Calendar.WorkflowDuration.TryParse(text, out var d) ? d : throw new ActivityFaultException($"'{text}' is not a duration.")).At;
        }
        else
        {
            var until = context.Text("until");
            fireAt = DateTimeOffset.TryParse(until, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
                ? at
                : throw new ActivityFaultException($"'until' gave '{until}', which is not an instant.");
        }

        var bookmark = context.Wait(BookmarkKind.Timer);
        context.CreateTimer(bookmark.Id, fireAt, TimerKind.Wait);
        return ActivityResult.Wait;
    }

    /// <inheritdoc />
    public override ActivityResult OnResume(ActivityExecutionContext context, Bookmark bookmark, ResumeSignal signal)
    {
        context.CloseBookmark(bookmark.Id, TaskClosure.Completed);
        return ActivityResult.Continue("Done");
    }
}
