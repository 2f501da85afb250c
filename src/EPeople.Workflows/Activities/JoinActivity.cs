using EPeople.Workflows.Runtime;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Validation;

namespace EPeople.Workflows.Activities;

/// <summary>Where parallel branches meet, with an explicit mode (no implicit merges).</summary>
public sealed class JoinActivity : Activity
{
    /// <summary>The type name.</summary>
    public const string TypeName = "EPeople.Join";

    /// <inheritdoc />
    public override ActivityDescriptor Descriptor { get; } = new(
        TypeName, 1, "Join", "Flow", ActivityKind.Control,
        "Waits for parallel branches: All, Any, Quorum(n) or AllActive.",
        [new InputDescriptor("mode", "string", "Mode", "All, Any, Quorum(n) or AllActive.", Required: true, Languages: Languages.LiteralOnly, UiHint: "dropdown", Options: ["All", "Any", "Quorum(2)", "AllActive"])],
        [new PortDescriptor("Done", "Joined")]);

    /// <inheritdoc />
    public override void Validate(ActivityNode node, DefinitionContext context)
    {
        var inbound = context.InboundCount(node.Id);
        if (inbound < 2)
        {
            context.Error(Rules.JoinMode, node.Id, $"A join needs at least two inbound wires; it has {inbound}.", "Wire the parallel branches into it, or remove it.");
        }

        var text = DefinitionContext.LiteralText(node, "mode");
        if (text is null)
        {
            return;
        }

        if (!JoinMode.TryParse(text, out var mode))
        {
            context.Error(Rules.JoinMode, node.Id, $"'{text}' is not a join mode.", "Use All, Any, AllActive or Quorum(n).");
        }
        else if (mode.Kind == "Quorum" && mode.Quorum > inbound)
        {
            context.Error(Rules.JoinMode, node.Id, $"Quorum({mode.Quorum}) needs more branches than the {inbound} wired in.", $"Use a quorum of at most {inbound}.");
        }
    }

    /// <inheritdoc />
    public override ActivityResult Execute(ActivityExecutionContext context)
    {
        var text = context.Text("mode");
        if (!JoinMode.TryParse(text, out var mode))
        {
            throw new ActivityFaultException($"'{text}' is not a join mode.");
        }

        return context.ArriveAtJoin(mode) ? ActivityResult.Continue("Done") : ActivityResult.Consumed;
    }
}
