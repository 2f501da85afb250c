using EPeople.Application.Institutions;
using EPeople.Application.Calendar;
using System.Text.Json;
using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Security;
using EPeople.Application.Workflows;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Tasks;

/// <summary>Who may see and act on a task: officials of the institution it is assigned to (an institution administrator too).</summary>
internal static class TaskAccess
{
    public sealed record Officer(string Name, string? InstitutionCode, string? Department, bool IsHeadOrAdmin);

    public static async Task<Officer> OfficerAsync(this IEPeopleDbContext db, ICurrentUser user, CancellationToken ct)
    {
        var institution = user.InstitutionId is { } id
            ? await db.Institutions.Where(i => i.Id == id).Select(i => i.Code).SingleOrDefaultAsync(ct)
            : null;
        var department = user.DepartmentId is { } departmentId
            ? await db.Departments.Where(d => d.Id == departmentId).Select(d => d.NameKo).SingleOrDefaultAsync(ct)
            : null;
        return new Officer(user.Name, institution, department, user.IsInRole(Roles.InstitutionAdmin) || user.Position == "DepartmentHead");
    }

    /// <summary>
    /// The same officer from the institutions directory's snapshot instead of two queries: for worklist reads, where a
    /// department renamed on another node in the last 30 seconds may still show its old name (ADR 16).
    /// </summary>
    public static async Task<Officer> OfficerAsync(this InstitutionDirectory directory, ICurrentUser user, CancellationToken ct)
    {
        var institution = user.InstitutionId is { } id ? await directory.ByIdAsync(id, ct) : null;
        var department = user.DepartmentId is { } departmentId ? institution?.Departments.FirstOrDefault(d => d.Id == departmentId)?.NameKo : null;
        return new Officer(user.Name, institution?.Code, department, user.IsInRole(Roles.InstitutionAdmin) || user.Position == "DepartmentHead");
    }

    public static async Task<WorkflowTaskRecord> LoadTaskAsync(this IEPeopleDbContext db, string taskId, Officer officer, CancellationToken ct)
    {
        var task = await db.WorkflowTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, ct)
                   ?? throw new NotFoundException("Task", taskId);
        if (task.InstitutionCode is null || task.InstitutionCode != officer.InstitutionCode)
        {
            throw new ForbiddenException("This task belongs to another institution.");
        }

        return task;
    }

    public static TaskSummaryDto ToSummary(this WorkflowTaskRecord t, SlaRule rule)
    {
        var due = t.DueAt == WorkflowTaskRecord.NoDueDate ? null : t.DueAt;
        var sla = rule.StateOf(due);
        return new TaskSummaryDto(t.Id, t.InstanceId, t.CorrelationId, t.NodeId, t.Title, t.InstitutionCode, t.Department, t.Position,
            t.Assignee, t.Status, t.ClaimedBy, t.Escalated, due, t.DueExplanationKo, t.DueExplanationEn, sla,
            JsonSerializer.Deserialize<string[]>(t.Actions) ?? [], t.Revision);
    }

    /// <summary>409 with who acted and when, for a revision that moved on.</summary>
    public static ConflictException Stale(WorkflowTaskRecord current) => new(
        current.IsOpen
            ? $"Someone else changed this task ({(current.ClaimedBy is null ? "released" : $"claimed by {current.ClaimedBy}")}); reload it and try again."
            : $"This task was already closed ({current.Status}{(current.Outcome is null ? "" : $": {current.Outcome}")}, {current.ClosedAt:yyyy-MM-dd HH:mm} UTC).",
        "StaleTaskRevision");
}
