using System.Text.Json.Nodes;
using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Institutions;
using EPeople.Application.Tasks;
using EPeople.Application.Workflows;
using EPeople.Domain.Petitions;
using EPeople.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Petitions;

/// <summary>
/// Petitions on the worklist: claiming a petition's task means the institution has taken it up; completing it answers,
/// transfers (the petition decides where it really goes: a bounce or too many hops go to the triage desk), asks other
/// institutions for their opinions (joint handling; each answers on its own task with Opinion or Decline) or closes it.
/// </summary>
internal sealed class PetitionTaskParticipant(IEPeopleDbContext db, InstitutionDirectory directory, Notices.PetitionNotifier notifier, TimeProvider clock) : ITaskParticipant
{
    /// <summary>Bases for closing without an answer.</summary>
    public static readonly string[] ClosureBases = ["NotAPetition", "Repeat", "Duplicate", "Other"];

    private Petition? _petition;
    private bool _changedStep;

    public async Task<bool> HandlesAsync(WorkflowTaskRecord task, CancellationToken cancellationToken)
    {
        _petition = await db.Petitions.Include(p => p.Events).SingleOrDefaultAsync(p => p.WorkflowInstanceId == task.InstanceId, cancellationToken);
        return _petition is not null;
    }

    public Task OnClaimedAsync(WorkflowTaskRecord task, TaskAccess.Officer officer, CancellationToken cancellationToken)
    {
        if (task.Kind != nameof(BookmarkKind.JointBranch)) // a cooperating institution's opinion task accepts nothing
        {
            Petition.Accept(officer.InstitutionCode!, officer.Name, clock.GetUtcNow());
        }

        return Task.CompletedTask;
    }

    public async Task<JsonObject?> OnCompletingAsync(WorkflowTaskRecord task, string action, JsonObject? data, TaskAccess.Officer officer, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var institution = officer.InstitutionCode!;
        _changedStep = action is "Answer" or "Transfer" or "Close";
        switch (action)
        {
            case "Answer":
                var answer = AnswerHtml.Clean(Text(data, "answer", 20_000));
                if (AnswerHtml.VisibleText(answer).Length == 0)
                {
                    throw ValidationFailedException.For("data.answer", "The answer has no text once unsafe content is removed.");
                }

                Petition.GiveAnswer(institution, answer, data?["isPublic"]?.GetValue<bool>() ?? false, officer.Name, now);
                data!["answer"] = answer; // the workflow keeps what was stored, never the unsanitised input
                return data;
            case "Transfer":
                var to = Text(data, "institutionCode", 7);
                var reason = Text(data, "reason", 1000);
                if (!await db.Institutions.AnyAsync(i => i.Code == to && i.IsActive, cancellationToken))
                {
                    throw ValidationFailedException.For("data.institutionCode", $"No active institution has the code {to}.");
                }

                var triageDesk = await directory.TriageDeskAsync(cancellationToken) ?? throw new ConflictException("No triage desk is configured in the institutions directory.", "NoTriageDesk");
                string destination;
                string? department = null;
                if (Petition.Status == PetitionStatus.InTriage && institution == triageDesk)
                {
                    department = await directory.IntakeDepartmentAsync(to, Petition.Kind, Petition.Subtype, cancellationToken);
                    Petition.RouteFromTriage(triageDesk, to, department, officer.Name, now);
                    destination = to;
                }
                else
                {
                    destination = Petition.Transfer(institution, to, reason, triageDesk, officer.Name, now);
                    if (destination != triageDesk)
                    {
                        department = await directory.IntakeDepartmentAsync(destination, Petition.Kind, Petition.Subtype, cancellationToken);
                        Petition.AssignDepartment(department);
                    }
                }

                return new JsonObject { ["institutionCode"] = destination, ["department"] = department, ["reason"] = reason, ["requested"] = to };
            case "RequestJoint":
                var codes = data?["institutionCodes"] is JsonArray list
                    ? list.Select(c => c is JsonValue v && v.TryGetValue<string>(out var code) ? code.Trim() : "").ToList()
                    : throw ValidationFailedException.For("data.institutionCodes", "'institutionCodes' is required for this action: an array of institution codes.");
                var jointReason = Text(data, "reason", 1000);
                var known = await db.Institutions.Where(i => codes.Contains(i.Code) && i.IsActive).Select(i => i.Code).ToListAsync(cancellationToken);
                if (codes.FirstOrDefault(c => !known.Contains(c)) is { } unknown)
                {
                    throw ValidationFailedException.For("data.institutionCodes", $"No active institution has the code {unknown}.");
                }

                var desk = await directory.TriageDeskAsync(cancellationToken) ?? throw new ConflictException("No triage desk is configured in the institutions directory.", "NoTriageDesk");
                Petition.RequestJointHandling(institution, codes, jointReason, desk, officer.Name, now);
                // The lead's task comes back with the same deadline: asking others does not stop the statutory clock.
                return new JsonObject
                {
                    ["institutionCodes"] = new JsonArray([.. codes.Distinct(StringComparer.Ordinal).Select(c => (JsonNode)c)]),
                    ["reason"] = jointReason,
                    ["dueAt"] = Petition.DueAt?.ToString("O"),
                };
            case "Opinion":
                Petition.GiveOpinion(institution, Text(data, "opinion", 2000), declined: false, officer.Name, now);
                return data;
            case "Decline":
                Petition.GiveOpinion(institution, Text(data, "reason", 2000), declined: true, officer.Name, now);
                return data;
            case "Close":
                var basis = Text(data, "basis", 40);
                if (!ClosureBases.Contains(basis, StringComparer.Ordinal))
                {
                    throw ValidationFailedException.For("data.basis", $"The basis must be one of {string.Join(", ", ClosureBases)}.");
                }

                Petition.CloseWithoutAnswer(institution, Text(data, "reason", 1000), basis, officer.Name, now);
                return data;
            default:
                return data;
        }
    }

    public async Task OnCompletedAsync(WorkflowTaskRecord task, CommandResult result, CancellationToken cancellationToken)
    {
        // The handling institution's next task sets the petition's deadline; cooperating institutions' tasks do not.
        if (result.Delta.TasksCreated.FirstOrDefault(t => t.Kind == BookmarkKind.Task) is { } next && next.DueAt != Petition.DueAt)
        {
            Petition.SetDue(next.DueAt, next.DueExplanationKo, next.DueExplanationEn);
        }

        if (_changedStep)
        {
            await notifier.NotifyLatestAsync(Petition, clock.GetUtcNow(), cancellationToken);
        }
    }

    private Petition Petition => _petition ?? throw new InvalidOperationException("HandlesAsync was not called.");

    private static string Text(JsonObject? data, string field, int maxLength)
    {
        var value = data?[field] is JsonValue node && node.TryGetValue<string>(out var text) ? text.Trim() : "";
        if (value.Length == 0)
        {
            throw ValidationFailedException.For($"data.{field}", $"'{field}' is required for this action.");
        }

        return value.Length > maxLength
            ? throw ValidationFailedException.For($"data.{field}", $"'{field}' has at most {maxLength} characters.")
            : value;
    }
}
