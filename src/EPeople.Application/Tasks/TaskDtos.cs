namespace EPeople.Application.Tasks;

/// <summary>
/// A task as a worklist shows it. SLA state by <see cref="Calendar.SlaRule"/>: Overdue past the due date, AtRisk on its
/// last working day, OnTime before. A petition's task carries the petition's id and kind.
/// </summary>
public sealed record TaskSummaryDto(
    string Id,
    Guid InstanceId,
    string CorrelationId,
    string NodeId,
    string Title,
    string? InstitutionCode,
    string? Department,
    string? Position,
    string? Assignee,
    string Status,
    string? ClaimedBy,
    bool Escalated,
    DateTimeOffset? DueAt,
    string? DueExplanationKo,
    string? DueExplanationEn,
    string SlaState,
    IReadOnlyList<string> Actions,
    long Revision,
    Guid? PetitionId = null,
    string? Kind = null);

public sealed record TaskPage(IReadOnlyList<TaskSummaryDto> Items, string? Next);

/// <summary>The outcome of completing a task: the action taken and where the case stands now.</summary>
public sealed record TaskCompletedDto(string TaskId, string Action, string InstanceStatus, bool Replayed);
