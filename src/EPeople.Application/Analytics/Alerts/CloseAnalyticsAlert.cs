using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Analytics.Alerts;

/// <summary>
/// An analyst closes an alert, open or acknowledged: <c>Resolved</c> (dealt with; it opens again if the topic bursts
/// on a later day) or <c>NotRelevant</c> (stays closed whatever follows; see <see cref="AlertLifecycle"/>), with an
/// optional note. Closing a closed alert changes nothing and returns it as it is.
/// </summary>
[Authorize(Roles = Roles.SystemAdmin + "," + Roles.Analyst)]
public sealed record CloseAnalyticsAlertCommand(string Id, string? Reason, string? Note = null) : ICommand<AnalyticsAlertDto>
{
    /// <summary>The reasons an analyst may give (<see cref="AnalyticsAlertCloseReason.Quiet"/> is the system's).</summary>
    public static readonly IReadOnlyList<AnalyticsAlertCloseReason> Reasons = [AnalyticsAlertCloseReason.Resolved, AnalyticsAlertCloseReason.NotRelevant];
}

internal sealed class CloseAnalyticsAlertCommandValidator : AbstractValidator<CloseAnalyticsAlertCommand>
{
    public CloseAnalyticsAlertCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Reason).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Choose why the alert is closed.")
            .Must(r => CloseAnalyticsAlertCommand.Reasons.Any(reason => reason.ToString() == r))
            .WithMessage($"Reason must be one of {string.Join(", ", CloseAnalyticsAlertCommand.Reasons)}.");
        RuleFor(c => c.Note).MaximumLength(AnalyticsAlertRecord.CloseNoteMaxLength);
    }
}

internal sealed class CloseAnalyticsAlertCommandHandler(IEPeopleDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CloseAnalyticsAlertCommand, AnalyticsAlertDto>
{
    public async ValueTask<AnalyticsAlertDto> Handle(CloseAnalyticsAlertCommand command, CancellationToken cancellationToken)
    {
        var alert = await db.AnalyticsAlerts.SingleOrDefaultAsync(a => a.Id == command.Id, cancellationToken)
                    ?? throw new NotFoundException("Analytics alert", command.Id);
        var reason = Enum.Parse<AnalyticsAlertCloseReason>(command.Reason!);
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        if (alert.Close(reason, note, user.Id, clock.GetUtcNow()))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return (await db.ToDtosAsync([alert], cancellationToken))[0];
    }
}
