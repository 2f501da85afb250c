using EPeople.Workflows.Runtime;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Validation;

namespace EPeople.Workflows.Activities;

/// <summary>Sets a declared variable to the value of an expression.</summary>
public sealed class SetVariableActivity : Activity
{
    /// <summary>The type name.</summary>
    public const string TypeName = "EPeople.SetVariable";

    /// <inheritdoc />
    public override ActivityDescriptor Descriptor { get; } = new(
        TypeName, 1, "Set variable", "Data", ActivityKind.Automatic,
        "Gives a variable a new value.",
        [
            new InputDescriptor("variable", "string", "Variable", "The declared variable to set.", Required: true, Languages: Languages.LiteralOnly, UiHint: "dropdown"),
            new InputDescriptor("value", "json", "Value", "A literal or a JavaScript expression.", Required: true, Languages: Languages.LiteralOrScript, UiHint: "code"),
        ],
        [new PortDescriptor("Done", "Done")]);

    /// <inheritdoc />
    public override void Validate(ActivityNode node, DefinitionContext context)
    {
        if (DefinitionContext.LiteralText(node, "variable") is { } name && !context.Variables.Contains(name))
        {
            context.Error(Rules.Variables, node.Id, $"'{name}' is not a declared variable.", "Declare it under \"variables\" first.");
        }
    }

    /// <inheritdoc />
    public override ActivityResult Execute(ActivityExecutionContext context)
    {
        var name = context.Text("variable") ?? throw new ActivityFaultException("No variable named.");
        var value = context.Evaluate("value");
        context.SetVariable(name, value);
        context.History("VariableSet", new System.Text.Json.Nodes.JsonObject { ["variable"] = name, ["value"] = value?.DeepClone() });
        return ActivityResult.Continue("Done");
    }
}
