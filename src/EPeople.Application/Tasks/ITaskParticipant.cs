using System.Text.Json.Nodes;
using EPeople.Application.Workflows;
using EPeople.Workflows.Runtime;

namespace EPeople.Application.Tasks;

/// <summary>
/// A case module whose work runs on engine tasks (petitions) takes part in claiming and completing them, inside the
/// same transaction as the task change: its rules can refuse the action, and its aggregate moves with the workflow.
/// </summary>
internal interface ITaskParticipant
{
    /// <summary>True when the task belongs to this module's cases.</summary>
    Task<bool> HandlesAsync(WorkflowTaskRecord task, CancellationToken cancellationToken);

    /// <summary>An official took the task.</summary>
    Task OnClaimedAsync(WorkflowTaskRecord task, TaskAccess.Officer officer, CancellationToken cancellationToken);

    /// <summary>Before the engine resumes: check and apply the action to the case; returns the data the workflow gets.</summary>
    Task<JsonObject?> OnCompletingAsync(WorkflowTaskRecord task, string action, JsonObject? data, TaskAccess.Officer officer, CancellationToken cancellationToken);

    /// <summary>After the engine reached its next wait states (a new task's due date, say).</summary>
    Task OnCompletedAsync(WorkflowTaskRecord task, CommandResult result, CancellationToken cancellationToken);
}
