using EPeople.Workflows.Runtime;
namespace EPeople.Workflows.Activities;

/// <summary>The start of every flow: the instance begins when its petition is registered.</summary>
public sealed class ReceiveActivity : Activity
{
    /// <summary>The type name.</summary>
    public const string TypeName = "EPeople.Receive";

    /// <inheritdoc />
    public override ActivityDescriptor Descriptor { get; } = new(
        TypeName, 1, "Receive", "Flow", ActivityKind.Start,
        "Starts the flow when a petition is registered (one active instance per petition).",
        [new InputDescriptor("channel", "string", "Channel", "Only petitions from this channel (optional).", Languages: Languages.LiteralOnly)],
        [new PortDescriptor("Done", "Received")]);

    /// <inheritdoc />
    public override ActivityResult Execute(ActivityExecutionContext context) => ActivityResult.Continue("Done");
}
