using EPeople.Application.Calendar;
using EPeople.Application.Petitions;
using EPeople.Application.Workflows;
using EPeople.Domain.Petitions;
using EPeople.Workflows.Calendar;

namespace EPeople.Application.Tasks;

/// <summary>
/// The worklist's filters as query predicates. Scope is equality on an index prefix; SLA state and due date are ranges
/// of due_at (so they read a narrower slice of the same index); kind is the instance's workflow, one per kind of petition.
/// </summary>
internal static class WorklistFilter
{
    public static bool IsSlaState(string? state) => state is SlaRule.OnTime or SlaRule.AtRisk or SlaRule.Overdue;

    public static IQueryable<WorkflowTaskRecord> InScope(this IQueryable<WorkflowTaskRecord> tasks, TaskScope scope, TaskAccess.Officer officer) => scope switch
    {
        TaskScope.Mine => tasks.Where(t => t.Assignee == officer.Name || t.ClaimedBy == officer.Name),
        TaskScope.Department => tasks.Where(t => t.Department == officer.Department && t.InstitutionCode == officer.InstitutionCode),
        _ => tasks.Where(t => t.InstitutionCode == officer.InstitutionCode),
    };

    public static IQueryable<WorkflowTaskRecord> OfKind(this IQueryable<WorkflowTaskRecord> tasks, PetitionKind? kind)
    {
        if (kind is not { } k)
        {
            return tasks;
        }

        var definitionId = PetitionWorkflows.DefinitionId(k);
        return tasks.Where(t => t.DefinitionId == definitionId);
    }

    /// <summary>The same boundaries as <see cref="SlaRule.StateOf"/>: overdue before now, at risk up to the next working day's start.</summary>
    public static IQueryable<WorkflowTaskRecord> InSlaState(this IQueryable<WorkflowTaskRecord> tasks, string? state, SlaRule rule)
    {
        var now = rule.Now;
        var atRiskUntil = rule.AtRiskUntil;
        return state switch
        {
            SlaRule.Overdue => tasks.Where(t => t.DueAt < now),
            SlaRule.AtRisk => tasks.Where(t => t.DueAt >= now && t.DueAt <= atRiskUntil),
            SlaRule.OnTime => tasks.Where(t => t.DueAt > atRiskUntil),
            _ => tasks,
        };
    }

    /// <summary>Due on or before the given day in Korea Standard Time.</summary>
    public static IQueryable<WorkflowTaskRecord> DueBy(this IQueryable<WorkflowTaskRecord> tasks, DateOnly? day)
    {
        if (day is not { } d)
        {
            return tasks;
        }

        var before = new DateTimeOffset(d.AddDays(1).ToDateTime(TimeOnly.MinValue), BusinessCalendar.KoreaOffset).ToUniversalTime();
        return tasks.Where(t => t.DueAt < before);
    }
}
