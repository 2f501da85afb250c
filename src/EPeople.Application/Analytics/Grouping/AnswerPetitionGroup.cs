using System.Text.Json.Nodes;
using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Petitions;
using EPeople.Application.Security;
using EPeople.Application.Tasks;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Analytics.Grouping;

/// <summary>
/// One answer for every member petition of a group that the official's institution holds. Each member is answered through
/// the normal path — its handling task completed with the Answer action (<see cref="CompleteTaskCommand"/>), so the
/// workflow moves on and the filer gets the notice through the outbox — with the operation id
/// <c>{OperationId}:{petitionId}</c>: sending the same command again answers nobody twice (each member replays), and a
/// member that failed can be retried alone. Members held by other institutions are never touched.
/// </summary>
[Authorize(Roles = Roles.Official + "," + Roles.InstitutionAdmin)]
public sealed record AnswerPetitionGroupCommand(Guid GroupId, string? Answer, bool IsPublic, string? OperationId) : ICommand<GroupAnsweredDto>;

internal sealed class AnswerPetitionGroupCommandValidator : AbstractValidator<AnswerPetitionGroupCommand>
{
    public AnswerPetitionGroupCommandValidator()
    {
        RuleFor(c => c.Answer).NotEmpty().WithMessage("Write the answer for the group.").MaximumLength(20_000);
        RuleFor(c => c.OperationId).NotEmpty().WithMessage("Send an operation id (a new one per intended completion).").MaximumLength(100);
    }
}

internal sealed class AnswerPetitionGroupCommandHandler(IEPeopleDbContext db, ICurrentUser user, ISender sender, TimeProvider clock)
    : ICommandHandler<AnswerPetitionGroupCommand, GroupAnsweredDto>
{
    public async ValueTask<GroupAnsweredDto> Handle(AnswerPetitionGroupCommand command, CancellationToken cancellationToken)
    {
        var institution = await db.InstitutionOfAsync(user, cancellationToken);
        var (_, members) = await db.LoadGroupAsync(command.GroupId, institution, track: false, cancellationToken);
        List<Guid> answered = [], replayed = [], skipped = [];
        foreach (var member in members.Where(m => m.InstitutionCode == institution))
        {
            // The institution's latest handling task of the petition: open to answer it, closed to replay or skip it.
            var task = await db.WorkflowTasks.AsNoTracking()
                .Where(t => t.InstanceId == member.WorkflowInstanceId && t.InstitutionCode == institution && t.Kind == "Task")
                .OrderByDescending(t => t.CreatedAt).Select(t => new { t.Id, t.Revision }).FirstOrDefaultAsync(cancellationToken);
            if (task is null)
            {
                skipped.Add(member.PetitionId);
                continue;
            }

            try
            {
                var done = await sender.Send(new CompleteTaskCommand(task.Id, "Answer", new JsonObject { ["answer"] = command.Answer, ["isPublic"] = command.IsPublic },
                    task.Revision, $"{command.OperationId}:{member.PetitionId}"), cancellationToken);
                (done.Replayed ? replayed : answered).Add(member.PetitionId);
            }
            catch (Exception ex) when (ex is ConflictException or EPeople.Domain.DomainException)
            {
                // Answered, transferred or closed otherwise (or in triage): this member is left to its own task.
                db.ChangeTracker.Clear();
                skipped.Add(member.PetitionId);
            }
        }

        if (answered.Count > 0)
        {
            var group = await db.PetitionGroups.SingleAsync(g => g.Id == command.GroupId, cancellationToken);
            group.Status = PetitionGroupStatus.Answered;
            group.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }

        return new GroupAnsweredDto(command.GroupId, answered, replayed, skipped);
    }
}
