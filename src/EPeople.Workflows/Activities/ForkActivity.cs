using EPeople.Workflows.Runtime;
using System.Text.Json.Nodes;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Validation;

namespace EPeople.Workflows.Activities;

/// <summary>Starts named branches in parallel; they meet again in a <see cref="JoinActivity"/>.</summary>
public sealed class ForkActivity : Activity
{
    /// <summary>The type name.</summary>
    public const string TypeName = "EPeople.Fork";

    /// <inheritdoc />
    public override ActivityDescriptor Descriptor { get; } = new(
        TypeName, 1, "Fork", "Flow", ActivityKind.Control,
        "Runs its branches in parallel.",
        [new InputDescriptor("branches", "string[]", "Branches", "The branch names, e.g. [\"Legal\", \"Budget\"].", Required: true, Syntax: InputSyntax.Structured, UiHint: "branches")],
        []);

    /// <summary>The branch names.</summary>
    public static IReadOnlyList<string> Branches(ActivityNode node) =>
        node.Structured("branches") is JsonArray array ? [.. array.Select(b => b?.GetValueKind() == System.Text.Json.JsonValueKind.String ? b.GetValue<string>() : "")] : [];

    /// <inheritdoc />
    public override IReadOnlyList<PortDescriptor> Outcomes(ActivityNode node) => [.. Branches(node).Select(b => new PortDescriptor(b, b))];

    /// <inheritdoc />
    public override void Validate(ActivityNode node, DefinitionContext context)
    {
        var branches = Branches(node);
        if (node.Structured("branches") is not JsonArray)
        {
            return;
        }

        if (branches.Count < 2)
        {
            context.Error(Rules.Structure, node.Id, "A fork needs at least two branches.", "Add branch names, or remove the fork.");
        }

        if (branches.Any(b => b.Length == 0) || branches.Distinct(StringComparer.Ordinal).Count() != branches.Count)
        {
            context.Error(Rules.Structure, node.Id, "Branch names must be non-empty text and unique.", "Rename the branches.");
        }
    }

    /// <inheritdoc />
    public override ActivityResult Execute(ActivityExecutionContext context) => ActivityResult.Branch(Branches(context.Node));
}
