using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EPeople.Workflows.Calendar;
using EPeople.Workflows.Definitions;
using EPeople.Workflows.Validation;

namespace EPeople.Workflows.Activities;

/// <summary>
/// A deadline of a human task: <c>at</c> is <c>due</c> or <c>created</c>, optionally shifted (<c>due-P1WD</c>,
/// <c>due+P3WD</c>, <c>created+PT3WH</c>); <c>action</c> is Notify (reminder), Escalate (to a position, department
/// or institution), Reassign, or Outcome (interrupting: the task ends along the <c>outcome</c> port).
/// </summary>
public sealed partial record TaskDeadline(string Id, string Anchor, int Sign, WorkflowDuration? Offset, string Action, bool Interrupting, string? Outcome, JsonObject? To)
{
    /// <summary>The deadline actions.</summary>
    public static readonly IReadOnlyList<string> Actions = ["Notify", "Escalate", "Reassign", "Outcome"];

    /// <summary>The outcomes an interrupting deadline may end a task with.</summary>
    public static readonly IReadOnlyList<string> Outcomes = ["Overdue", "Timeout"];

    /// <summary>Reads the deadlines of a node, reporting what is malformed.</summary>
    public static IReadOnlyList<TaskDeadline> Read(ActivityNode node, DefinitionContext? context)
    {
        var result = new List<TaskDeadline>();
        var items = context is null
            ? (node.Structured("deadlines") as JsonArray)?.OfType<JsonObject>().ToList() ?? []
            : context.StructuredObjects(node, "deadlines") ?? [];
        foreach (var item in items)
        {
            var id = DefinitionContext.Text(item, "id") ?? "";
            var at = DefinitionContext.Text(item, "at") ?? "";
            var action = DefinitionContext.Text(item, "action") ?? "";
            var interrupting = item["interrupting"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;
            var outcome = DefinitionContext.Text(item, "outcome");
            var match = AtPattern().Match(at);
            WorkflowDuration? offset = null;
            if (!match.Success)
            {
                context?.Error(Rules.HumanTask, node.Id, $"Deadline '{id}': 'at' = '{at}' is not understood.", "Write due, created, or due±duration such as due-P1WD or created+PT3WH.");
                continue;
            }

            if (match.Groups["offset"].Success)
            {
                offset = context?.CheckDuration(node, $"Deadline '{id}' offset", match.Groups["offset"].Value)
                         ?? (WorkflowDuration.TryParse(match.Groups["offset"].Value, out var d) ? d : null);
                if (offset is null)
                {
                    continue;
                }
            }

            result.Add(new TaskDeadline(id, match.Groups["anchor"].Value, match.Groups["sign"].Value == "-" ? -1 : 1, offset, action, interrupting, outcome, item["to"] as JsonObject));
        }

        return result;
    }

    /// <summary>A rough ordering key (minutes from the anchor) to check that deadlines are listed in order.</summary>
    public double OrderKey => Offset switch
    {
        null => 0,
        { Unit: DurationUnit.WorkingDays } d => Sign * d.Amount * 24 * 60,
        { Unit: DurationUnit.WorkingHours } d => Sign * d.Amount * 60,
        { Unit: DurationUnit.CalendarPeriod } d => Sign * ((d.Months * 30) + d.Days) * 24 * 60,
        var d => Sign * d.Elapsed.TotalMinutes,
    };

    [GeneratedRegex(@"^(?<anchor>due|created)(?:(?<sign>[+-])(?<offset>P\S+))?$")]
    private static partial Regex AtPattern();
}
