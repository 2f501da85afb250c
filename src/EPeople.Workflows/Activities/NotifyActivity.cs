using EPeople.Workflows.Runtime;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Validation;

namespace EPeople.Workflows.Activities;

/// <summary>Sends a notice (in-app, SMS or e-mail) through the outbox; never blocks the flow.</summary>
public sealed class NotifyActivity : Activity
{
    /// <summary>The type name.</summary>
    public const string TypeName = "EPeople.Notify";

    /// <summary>The channels a notice can go through.</summary>
    public static readonly IReadOnlyList<string> Channels = ["InApp", "Sms", "Email"];

    /// <inheritdoc />
    public override ActivityDescriptor Descriptor { get; } = new(
        TypeName, 1, "Notify", "Communication", ActivityKind.Automatic,
        "Sends a notice through the outbox (delivered after the step commits).",
        [
            new InputDescriptor("channel", "string", "Channel", "InApp, Sms or Email.", Required: true, Languages: Languages.LiteralOnly, UiHint: "dropdown", Options: Channels),
            new InputDescriptor("recipients", "json", "Recipients", "Who receives it, e.g. \"petitioner\" or an expression.", Required: true, Languages: Languages.LiteralOrScript),
            new InputDescriptor("subject", "string", "Subject", "The title (Liquid).", Languages: Languages.Text),
            new InputDescriptor("body", "string", "Text", "The text (Liquid).", Required: true, Languages: Languages.Text, UiHint: "multi-line"),
        ],
        [new PortDescriptor("Done", "Sent")]);

    /// <inheritdoc />
    public override void Validate(ActivityNode node, DefinitionContext context)
    {
        if (DefinitionContext.LiteralText(node, "channel") is { } channel && !Channels.Contains(channel))
        {
            context.Error(Rules.RequiredInput, node.Id, $"'{channel}' is not a notice channel.", $"Use one of: {string.Join(", ", Channels)}.");
        }
    }

    /// <summary>The outbox message type of notices.</summary>
    public const string OutboxType = "workflow.notice";

    /// <inheritdoc />
    public override ActivityResult Execute(ActivityExecutionContext context)
    {
        context.Outbox(OutboxType, new System.Text.Json.Nodes.JsonObject
        {
            ["channel"] = context.Text("channel"),
            ["recipients"] = context.Evaluate("recipients"),
            ["subject"] = context.Text("subject"),
            ["body"] = context.Text("body"),
            ["instanceId"] = context.State.InstanceId,
            ["correlationId"] = context.CorrelationId,
        }, "notice");
        return ActivityResult.Continue("Done");
    }
}
