using EPeople.Workflows.Runtime;

namespace EPeople.Workflows.Simulation;

/// <summary>A task open in a test run, as the worklist would show it (with escalations and due changes applied).</summary>
/// <param name="Id">The task id (its bookmark's id): what <see cref="WorkflowSimulation.TakeAction"/> takes.</param>
/// <param name="NodeId">The human-task (or joint-handling) node.</param>
/// <param name="Title">The rendered title.</param>
/// <param name="Description">The rendered instructions.</param>
/// <param name="Institution">The institution code assigned, if any.</param>
/// <param name="Department">The department assigned, if any.</param>
/// <param name="Position">Officer or DepartmentHead, if any.</param>
/// <param name="Assignee">A user, if any.</param>
/// <param name="Actions">The action keys offered.</param>
/// <param name="DueAt">The due instant (Korea time), if any.</param>
/// <param name="DueExplanationKo">How the due instant was counted, in Korean.</param>
/// <param name="DueExplanationEn">How the due instant was counted, in English.</param>
/// <param name="Priority">1 (highest) to 5.</param>
/// <param name="Kind">Task, or JointBranch for one institution's part of a joint handling.</param>
/// <param name="Escalated">An escalation deadline has fired.</param>
/// <param name="CreatedAt">The virtual time it was created.</param>
public sealed record SimulatedTask(
    string Id,
    string NodeId,
    string Title,
    string? Description,
    string? Institution,
    string? Department,
    string? Position,
    string? Assignee,
    IReadOnlyList<string> Actions,
    DateTimeOffset? DueAt,
    string? DueExplanationKo,
    string? DueExplanationEn,
    int Priority,
    BookmarkKind Kind,
    bool Escalated,
    DateTimeOffset CreatedAt);
