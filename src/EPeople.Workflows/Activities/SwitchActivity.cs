using EPeople.Workflows.Runtime;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Validation;

namespace EPeople.Workflows.Activities;

/// <summary>Goes on along the first case whose condition holds, or <c>Default</c>.</summary>
public sealed class SwitchActivity : Activity
{
    /// <summary>The type name.</summary>
    public const string TypeName = "EPeople.Switch";

    /// <summary>The port taken when no case matches.</summary>
    public const string DefaultPort = "Default";

    /// <inheritdoc />
    public override ActivityDescriptor Descriptor { get; } = new(
        TypeName, 1, "Switch", "Flow", ActivityKind.Automatic,
        "Chooses the first case whose condition holds; Default otherwise.",
        [new InputDescriptor("cases", "json", "Cases", "[{ \"name\": \"Transport\", \"condition\": \"vars.category == 'transport'\" }]", Required: true, Syntax: InputSyntax.Structured, UiHint: "cases")],
        [new PortDescriptor(DefaultPort, "Default")]);

    /// <inheritdoc />
    public override IReadOnlyList<PortDescriptor> Outcomes(ActivityNode node) =>
        [.. Cases(node).Select(c => new PortDescriptor(c.Name, c.Name)), new PortDescriptor(DefaultPort, "Default")];

    /// <summary>The case names and conditions, in order.</summary>
    public static IReadOnlyList<(string Name, string Condition)> Cases(ActivityNode node) =>
        node.Structured("cases") is System.Text.Json.Nodes.JsonArray array
            ? [.. array.OfType<System.Text.Json.Nodes.JsonObject>().Select(c => (DefinitionContext.Text(c, "name") ?? "", DefinitionContext.Text(c, "condition") ?? ""))]
            : [];

    /// <inheritdoc />
    public override void Validate(ActivityNode node, DefinitionContext context)
    {
        var items = context.StructuredObjects(node, "cases");
        if (items is null)
        {
            return;
        }

        if (items.Count == 0)
        {
            context.Error(Rules.Structure, node.Id, "A switch needs at least one case.", "Add a case { \"name\", \"condition\" }, or use a Decision.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, condition) in Cases(node))
        {
            if (name.Length == 0 || name == DefaultPort || !names.Add(name))
            {
                context.Error(Rules.Structure, node.Id, $"Case name '{name}' is empty, reserved or repeated.", "Give every case a unique name other than Default.");
            }

            context.CheckExpression(node, $"cases[{name}].condition", new WorkflowExpression(ExpressionLanguage.JavaScript, System.Text.Json.Nodes.JsonValue.Create(condition), "JavaScript"));
        }
    }

    /// <inheritdoc />
    public override ActivityResult Execute(ActivityExecutionContext context)
    {
        foreach (var (name, condition) in Cases(context.Node))
        {
            if (context.Condition(condition))
            {
                return ActivityResult.Continue(name);
            }
        }

        return ActivityResult.Continue(DefaultPort);
    }
}
