using EPeople.Workflows.Runtime;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Validation;

namespace EPeople.Workflows.Activities;

/// <summary>Goes on along <c>True</c> or <c>False</c> by a boolean condition.</summary>
public sealed class DecisionActivity : Activity
{
    /// <summary>The type name.</summary>
    public const string TypeName = "EPeople.Decision";

    /// <inheritdoc />
    public override ActivityDescriptor Descriptor { get; } = new(
        TypeName, 1, "Decision", "Flow", ActivityKind.Automatic,
        "Chooses between two paths by a condition.",
        [new InputDescriptor("condition", "bool", "Condition", "A JavaScript condition, e.g. vars.transferCount < 3.", Required: true, Languages: Languages.LiteralOrScript, UiHint: "code")],
        [new PortDescriptor("True", "Yes"), new PortDescriptor("False", "No")]);

    /// <inheritdoc />
    public override void Validate(ActivityNode node, DefinitionContext context)
    {
        if (node.Expression("condition") is { Language: ExpressionLanguage.Literal, Value: var value }
            && value?.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
        {
            context.Error(Rules.Expression, node.Id, "The condition is a literal that is not true or false.", "Write a JavaScript condition, or the literal true/false.");
        }
    }

    /// <inheritdoc />
    public override ActivityResult Execute(ActivityExecutionContext context) =>
        ActivityResult.Continue(context.Bool("condition") ? "True" : "False");
}
