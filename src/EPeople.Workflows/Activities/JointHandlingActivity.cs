using System.Text.RegularExpressions;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Validation;

namespace EPeople.Workflows.Activities;

/// <summary>
/// Joint handling (공동처리): one task per institution in a list, completed when All, Any, Quorum(n) of them
/// answered, or when the lead institution decides (LeadDecides); open branches are cancelled on completion.
/// </summary>
public sealed partial class JointHandlingActivity : Activity
{
    /// <summary>The type name.</summary>
    public const string TypeName = "EPeople.JointHandling";

    /// <inheritdoc />
    public override ActivityDescriptor Descriptor { get; } = new(
        TypeName, 1, "Joint handling", "People", ActivityKind.WaitState,
        "Asks several institutions at once and collects their opinions.",
        [
            new InputDescriptor("institutions", "institutionRef[]", "Institutions", "The institutions asked (an array).", Required: true, Languages: Languages.LiteralOrScript, UiHint: "assignment"),
            new InputDescriptor("lead", "institutionRef", "Lead institution", "Decides when completion is LeadDecides.", Languages: Languages.LiteralOrScript, UiHint: "assignment"),
            new InputDescriptor("completion", "string", "Completion", "All, Any, Quorum(n) or LeadDecides.", Required: true, Languages: Languages.LiteralOnly, UiHint: "dropdown", Options: ["All", "Any", "Quorum(2)", "LeadDecides"]),
            new InputDescriptor("title", "string", "Task title", "Shown in each institution's worklist (Liquid).", Required: true, Languages: Languages.Text),
            new InputDescriptor("due", "duration", "Due", "Per institution, e.g. P5WD.", Languages: Languages.LiteralOnly, UiHint: "duration"),
        ],
        [new PortDescriptor("Completed", "Completed"), new PortDescriptor("Rejected", "Rejected", Optional: true)]);

    /// <inheritdoc />
    public override IReadOnlyList<PortDescriptor> Outcomes(ActivityNode node) =>
        node.Inputs.ContainsKey("due") ? [.. Descriptor.Outcomes, new PortDescriptor("Timeout", "Timed out")] : Descriptor.Outcomes;

    /// <inheritdoc />
    public override void Validate(ActivityNode node, DefinitionContext context)
    {
        if (node.Expression("institutions") is { Language: ExpressionLanguage.Literal, Value: var list } && list is not System.Text.Json.Nodes.JsonArray)
        {
            context.Error(Rules.JointHandling, node.Id, "The institution list must be an array.", "Write a literal array of institution codes, or a JavaScript expression giving one.");
        }

        var completion = DefinitionContext.LiteralText(node, "completion");
        if (completion is not null)
        {
            if (completion is not ("All" or "Any" or "LeadDecides") && !QuorumPattern().IsMatch(completion))
            {
                context.Error(Rules.JointHandling, node.Id, $"'{completion}' is not a completion policy.", "Use All, Any, Quorum(n) or LeadDecides.");
            }

            if (completion == "LeadDecides" && !node.Inputs.ContainsKey("lead"))
            {
                context.Error(Rules.JointHandling, node.Id, "LeadDecides needs a lead institution.", "Set the 'lead' input.");
            }
        }

        if (DefinitionContext.LiteralText(node, "due") is { } due)
        {
            context.CheckDuration(node, "The due period", due);
        }
    }

    [GeneratedRegex(@"^Quorum\([1-9]\d{0,2}\)$")]
    private static partial Regex QuorumPattern();
}
