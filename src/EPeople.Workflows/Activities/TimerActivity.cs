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
}
