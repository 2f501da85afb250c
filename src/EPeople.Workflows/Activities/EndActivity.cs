using EPeople.Workflows.Runtime;
using EPeople.Workflows.Validation;
using EPeople.Workflows.Definitions;

namespace EPeople.Workflows.Activities;

/// <summary>Ends the instance with a status, cancelling every open token, task and timer.</summary>
public sealed class EndActivity : Activity
{
    /// <summary>The type name.</summary>
    public const string TypeName = "EPeople.End";

    /// <summary>The statuses an instance can end with.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["Closed", "Withdrawn", "Rejected", "Transferred", "Cancelled"];

    /// <inheritdoc />
    public override ActivityDescriptor Descriptor { get; } = new(
        TypeName, 1, "End", "Flow", ActivityKind.Terminal,
        "Completes the instance and cancels whatever is still open.",
        [new InputDescriptor("status", "string", "Status", "How the case ends.", Languages: Languages.LiteralOnly, UiHint: "dropdown", Options: Statuses)],
        []);

    /// <inheritdoc />
    public override void Validate(ActivityNode node, DefinitionContext context)
    {
        if (DefinitionContext.LiteralText(node, "status") is { } status && !Statuses.Contains(status))
        {
            context.Error(Rules.RequiredInput, node.Id, $"'{status}' is not an end status.", $"Use one of: {string.Join(", ", Statuses)}.");
        }
    }

    /// <inheritdoc />
    public override ActivityResult Execute(ActivityExecutionContext context) => ActivityResult.End(context.Text("status") ?? "Closed");
}
