using System.Text.Json.Nodes;
using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Security;
using EPeople.Workflows.Runtime;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Petitions;

public sealed record PetitionRatedDto(Guid Id, int Rating, string Status, bool AdditionalAnswerRequested);

/// <summary>
/// The petitioner rates the answer (1–5, with an optional comment) within 14 days. A rating of 1 or 2 gives the
/// institution an additional-answer task (the workflow's next step), in the same transaction.
/// </summary>
[Authorize(Roles = Roles.Citizen)]
public sealed record RatePetitionCommand(Guid Id, int Rating, string? Comment) : ICommand<PetitionRatedDto>;

internal sealed class RatePetitionCommandValidator : AbstractValidator<RatePetitionCommand>
{
    public RatePetitionCommandValidator()
    {
        RuleFor(c => c.Rating).InclusiveBetween(1, 5).WithMessage("Rate the answer from 1 (very dissatisfied) to 5 (very satisfied).");
        RuleFor(c => c.Comment).MaximumLength(2000);
    }
}

internal sealed class RatePetitionCommandHandler(IEPeopleDbContext db, ICurrentUser user, WorkflowRuntime runtime, TimeProvider clock)
    : ICommandHandler<RatePetitionCommand, PetitionRatedDto>
{
    public async ValueTask<PetitionRatedDto> Handle(RatePetitionCommand command, CancellationToken cancellationToken)
    {
        var petition = await db.LoadPetitionersAsync(user, command.Id, cancellationToken);

        petition.Rate(user.Id!.Value, command.Rating, command.Comment, clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await runtime.ExecuteAsync(petition.WorkflowInstanceId, new DeliverEventCommand(
            $"feedback:{petition.Id}", $"feedback:{petition.Id}", "FeedbackSubmitted", petition.Id.ToString(), new JsonObject { ["rating"] = command.Rating }), cancellationToken);
        if (result.Outcome != CommandOutcome.Applied)
        {
            throw new ConflictException($"The petition's workflow is not waiting for a rating: {result.Message}", "RatingNotOpen");
        }

        if (result.Delta.TasksCreated.FirstOrDefault() is { } additional)
        {
            petition.SetDue(additional.DueAt, additional.DueExplanationKo, additional.DueExplanationEn);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new PetitionRatedDto(petition.Id, command.Rating, petition.Status.ToString(), command.Rating <= 2);
    }
}
