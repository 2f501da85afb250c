using EPeople.Workflows.Runtime;
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

    /// <summary>
    /// What a cooperating institution can do with its branch: give its opinion, or decline (it is not its matter). Under
    /// LeadDecides, the lead declining ends the joint handling on the Rejected port.
    /// </summary>
    public static readonly IReadOnlyList<string> BranchActions = ["Opinion", "Decline"];

    /// <inheritdoc />
    public override ActivityResult Execute(ActivityExecutionContext context)
    {
        var institutions = context.Evaluate("institutions") is System.Text.Json.Nodes.JsonArray array
            ? array.Select(i => i?.ToString() ?? "").Where(i => i.Length > 0).Distinct(StringComparer.Ordinal).ToList()
            : throw new ActivityFaultException("The institution list did not evaluate to an array.");
        if (institutions.Count == 0)
        {
            throw new ActivityFaultException("The institution list is empty: nobody to ask.");
        }

        var completion = context.Text("completion") ?? "All";
        var group = context.Wait(BookmarkKind.JointBranch, new System.Text.Json.Nodes.JsonObject { ["group"] = true });
        var joint = new JointState { NodeId = context.Node.Id, Completion = completion, Lead = context.Text("lead"), TokenId = context.Token.Id };
        Calendar.DueDate? due = context.Text("due") is { } text && Calendar.WorkflowDuration.TryParse(text, out var duration)
            ? context.Calendar.DueAfter(context.Now, duration)
            : null;
        var title = context.Text("title") ?? context.Node.Id;
        foreach (var institution in institutions)
        {
            var branch = context.AddBookmark(BookmarkKind.JointBranch, new System.Text.Json.Nodes.JsonObject { ["task"] = true, ["institution"] = institution });
            joint.Branches[institution] = branch.Id;
            context.CreateTask(new TaskRequest(branch.Id, context.Node.Id, title, null, institution, null, null, null, BranchActions,
                due?.At, due?.ExplanationKo, due?.ExplanationEn, 3, null, BookmarkKind.JointBranch));
        }

        context.State.Joints[context.Token.ActivationId] = joint;
        if (due is not null)
        {
            context.CreateTimer(group.Id, due.At, TimerKind.Timeout);
        }

        return ActivityResult.Wait;
    }

    /// <inheritdoc />
    public override ActivityResult OnResume(ActivityExecutionContext context, Bookmark bookmark, ResumeSignal signal)
    {
        var joint = context.State.Joints[bookmark.ActivationId];
        if (signal.Timer is not null)
        {
            return Finish(context, bookmark.ActivationId, joint, "Timeout");
        }

        var institution = bookmark.Payload?["institution"]?.ToString()
                          ?? throw new CommandRejectedException("This bookmark is not a joint-handling branch.");
        if (signal.Action is not { } action || !BranchActions.Contains(action))
        {
            throw new CommandRejectedException($"'{signal.Action}' is not an answer here; use {string.Join(" or ", BranchActions)}.");
        }

        joint.Answers[institution] = new System.Text.Json.Nodes.JsonObject { ["action"] = action, ["data"] = signal.Data?.DeepClone(), ["actor"] = signal.Actor };
        context.CloseBookmark(bookmark.Id, TaskClosure.Completed, action);
        context.History("JointAnswer", new System.Text.Json.Nodes.JsonObject { ["institution"] = institution, ["action"] = action }, signal.Actor);

        var answered = joint.Answers.Count;
        var complete = joint.Completion switch
        {
            "Any" => answered >= 1,
            "LeadDecides" => joint.Lead is not null && joint.Answers.ContainsKey(joint.Lead),
            var c when JoinMode.TryParse(c, out var mode) && mode.Kind == "Quorum" => answered >= mode.Quorum,
            _ => answered >= joint.Branches.Count,
        };
        if (!complete)
        {
            return ActivityResult.Wait;
        }

        var rejected = joint.Completion == "LeadDecides" && joint.Answers[joint.Lead!]["action"]?.ToString() == "Decline";
        return Finish(context, bookmark.ActivationId, joint, rejected ? "Rejected" : "Completed");
    }

    private static ActivityResult Finish(ActivityExecutionContext context, string activationId, JointState joint, string outcome)
    {
        foreach (var branch in joint.Branches.Values)
        {
            context.CloseBookmark(branch, TaskClosure.Cancelled);
        }

        if (context.Token.BookmarkId is { } group)
        {
            context.CloseBookmark(group, TaskClosure.Completed);
        }

        context.State.Joints.Remove(activationId);
        context.SetLastTask(new System.Text.Json.Nodes.JsonObject
        {
            ["outcome"] = outcome,
            ["answers"] = new System.Text.Json.Nodes.JsonArray([.. joint.Answers.Select(a => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject
            {
                ["institution"] = a.Key, ["action"] = a.Value["action"]?.DeepClone(), ["data"] = a.Value["data"]?.DeepClone(),
            })]),
        });
        return ActivityResult.Continue(outcome);
    }
}
